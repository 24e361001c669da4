/* fadvise64 (posix_fadvise): every defined advice is accepted on a regular
 * file; EINVAL for an unknown advice and a negative length, ESPIPE on a
 * pipe, EBADF. Raw syscall: glibc's wrapper returns the error instead of
 * setting errno.
 * SYSCALLS: fadvise64 openat close pipe2 write */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static int fd = -1;

static long do_fadvise(int f, off_t off, off_t len, int advice)
{
	return tst_syscall(__NR_fadvise64, f, (long)off, (long)len, advice);
}

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "some data for the page cache", 28);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static const struct { int advice; const char *name; } advices[] = {
	{ POSIX_FADV_NORMAL, "POSIX_FADV_NORMAL" },
	{ POSIX_FADV_RANDOM, "POSIX_FADV_RANDOM" },
	{ POSIX_FADV_SEQUENTIAL, "POSIX_FADV_SEQUENTIAL" },
	{ POSIX_FADV_WILLNEED, "POSIX_FADV_WILLNEED" },
	{ POSIX_FADV_DONTNEED, "POSIX_FADV_DONTNEED" },
	{ POSIX_FADV_NOREUSE, "POSIX_FADV_NOREUSE" },
};

static void run(unsigned int n)
{
	int p[2];

	switch (n) {
	case 0:
		for (unsigned int i = 0; i < ARRAY_SIZE(advices); i++)
			TST_EXP_PASS(do_fadvise(fd, 0, 0, advices[i].advice),
				     "fadvise64(%s) on a regular file", advices[i].name);
		break;
	case 1:
		TST_EXP_FAIL(do_fadvise(fd, 0, 0, 99), EINVAL, "fadvise64() with advice 99");
		TST_EXP_FAIL(do_fadvise(fd, 0, -1, POSIX_FADV_NORMAL), EINVAL,
			     "fadvise64() with length -1");
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL(do_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL), ESPIPE,
			     "fadvise64() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 3:
		TST_EXP_FAIL(do_fadvise(-1, 0, 0, POSIX_FADV_NORMAL), EBADF, "fadvise64(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
