/* tee(): copies data from one pipe to another without consuming it, up to
 * the requested length; 0 bytes asked gives 0; SPLICE_F_NONBLOCK on an empty
 * pipe is EAGAIN; EINVAL for the same pipe on both sides or a non-pipe fd;
 * EBADF for a bad fd.
 * SYSCALLS: tee read write pipe2 openat close */
#include "tst_test.h"

static int a[2] = { -1, -1 }, b[2] = { -1, -1 };

static void setup(void)
{
	SAFE_PIPE(a);
	SAFE_PIPE(b);
}

static void cleanup(void)
{
	for (int i = 0; i < 2; i++) {
		if (a[i] >= 0)
			SAFE_CLOSE(a[i]);
		if (b[i] >= 0)
			SAFE_CLOSE(b[i]);
	}
}

static void run(unsigned int n)
{
	char buf[16] = {0}, buf2[16] = {0};
	int fd;

	switch (n) {
	case 0:
		SAFE_WRITE(SAFE_WRITE_ALL, a[1], "duplicate", 9);
		TST_EXP_VAL(tee(a[0], b[1], 4, 0), 4, "tee(4 bytes)");
		SAFE_READ(1, b[0], buf, 4);
		TST_EXP_EXPR(!strcmp(buf, "dupl"), "the target pipe got 'dupl'");
		SAFE_READ(1, a[0], buf2, 9);
		TST_EXP_EXPR(!strcmp(buf2, "duplicate"), "the source pipe still holds all 9 bytes");
		break;
	case 1:
		SAFE_WRITE(SAFE_WRITE_ALL, a[1], "x", 1);
		TST_EXP_VAL(tee(a[0], b[1], 0, 0), 0, "tee() of 0 bytes");
		SAFE_READ(1, a[0], buf, 1);
		TST_EXP_FAIL2(tee(a[0], b[1], 10, SPLICE_F_NONBLOCK), EAGAIN,
			      "tee(SPLICE_F_NONBLOCK) from an empty pipe");
		break;
	case 2:
		TST_EXP_FAIL2(tee(a[0], a[1], 1, SPLICE_F_NONBLOCK), EINVAL,
			      "tee() from a pipe into itself");
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL2(tee(fd, b[1], 1, 0), EINVAL, "tee() from a regular file");
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL2(tee(-1, b[1], 1, 0), EBADF, "tee() from fd -1");
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
