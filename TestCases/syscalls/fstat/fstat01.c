/* fstat(): agrees with stat() on the same file; sees writes through the
 * fd; a pipe is S_IFIFO; EBADF for a closed fd, EFAULT for the buffer.
 * glibc's fstat() is newfstatat(fd, "", AT_EMPTY_PATH) on aarch64 and
 * riscv64, so the fstat syscall is also called raw (success and EBADF).
 * SYSCALLS: fstat newfstatat openat write close pipe2 */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct stat a, b;
	int fd, p[2];

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "abc", 3);
		TST_EXP_PASS(fstat(fd, &a), "fstat() of a file");
		SAFE_STAT("f", &b);
		TST_EXP_EXPR(a.st_ino == b.st_ino && a.st_dev == b.st_dev &&
			     a.st_size == 3 && b.st_size == 3,
			     "fstat() and stat() agree (ino, dev, size 3)");
#ifdef SYS_fstat
		memset(&b, 0, sizeof(b));
		TST_EXP_PASS(syscall(SYS_fstat, fd, &b), "raw fstat() of a file");
		TST_EXP_EXPR(a.st_ino == b.st_ino && b.st_size == 3, "raw fstat() agrees with fstat()");
#endif
		SAFE_CLOSE(fd);
		break;
	case 1:
		SAFE_PIPE(p);
		TST_EXP_PASS(fstat(p[0], &a), "fstat() of a pipe");
		TST_EXP_EQ_LI(S_ISFIFO(a.st_mode), 1);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 2:
		TST_EXP_FAIL(fstat(-1, &a), EBADF, "fstat(-1)");
#ifdef SYS_fstat
		TST_EXP_FAIL(syscall(SYS_fstat, -1, &a), EBADF, "raw fstat(-1)");
#endif
		break;
	case 3:
		fd = SAFE_OPEN("f", O_RDONLY);
#ifdef SYS_fstat
		TST_EXP_FAIL(syscall(SYS_fstat, fd, tst_get_bad_addr(NULL)), EFAULT,
			     "fstat() into an unmapped buffer");
#else
		TST_EXP_FAIL(fstat(fd, tst_get_bad_addr(NULL)), EFAULT,
			     "fstat() into an unmapped buffer");
#endif
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
