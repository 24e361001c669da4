/* fsync() and fdatasync(): succeed on a written file; EBADF for a bad fd;
 * EINVAL on a pipe (which cannot be synced).
 * SYSCALLS: fsync fdatasync openat close write pipe2 */
#include "tst_test.h"

static void run(unsigned int n)
{
	int fd, p[2];

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "data", 4);
		TST_EXP_PASS(fsync(fd), "fsync() of a written file");
		TST_EXP_PASS(fdatasync(fd), "fdatasync() of a written file");
		SAFE_CLOSE(fd);
		break;
	case 1:
		TST_EXP_FAIL(fsync(-1), EBADF, "fsync(-1)");
		TST_EXP_FAIL(fdatasync(-1), EBADF, "fdatasync(-1)");
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL(fsync(p[0]), EINVAL, "fsync() of a pipe");
		TST_EXP_FAIL(fdatasync(p[0]), EINVAL, "fdatasync() of a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
