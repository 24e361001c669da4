/* ftruncate(): shrinking and growing (zero-filled), EINVAL for a negative
 * length or a read-only fd, EBADF, EINVAL on a pipe.
 * SYSCALLS: ftruncate openat close pread64 newfstatat pipe2 */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct stat st;
	char c = 'x';
	int rfd, p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(ftruncate(fd, 4), "ftruncate() to 4 bytes");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 4);
		break;
	case 1:
		TST_EXP_PASS(ftruncate(fd, 4096), "ftruncate() growing to 4096");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 4096);
		SAFE_PREAD(1, fd, &c, 1, 100);
		TST_EXP_EQ_LI(c, 0);
		break;
	case 2:
		TST_EXP_FAIL(ftruncate(fd, -1), EINVAL, "ftruncate() to -1");
		break;
	case 3:
		rfd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_FAIL(ftruncate(rfd, 0), EINVAL, "ftruncate() of a read-only fd");
		SAFE_CLOSE(rfd);
		break;
	case 4:
		TST_EXP_FAIL(ftruncate(-1, 0), EBADF, "ftruncate(-1)");
		break;
	case 5:
		SAFE_PIPE(p);
		TST_EXP_FAIL(ftruncate(p[1], 0), EINVAL, "ftruncate() of a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
