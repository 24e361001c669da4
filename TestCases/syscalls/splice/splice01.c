/* splice(): file -> pipe from an offset (advancing only *off_in), pipe ->
 * file at an offset; SPLICE_F_NONBLOCK on an empty pipe is EAGAIN; EINVAL
 * when neither end is a pipe, for an unknown flag and for a pipe spliced to
 * itself; ESPIPE for an offset on the pipe side; EBADF.
 * SYSCALLS: splice openat close read write pread64 lseek pipe2 */
#include "tst_test.h"

static int fd = -1, p[2] = { -1, -1 };

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
	SAFE_PIPE(p);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
	if (p[0] >= 0)
		SAFE_CLOSE(p[0]);
	if (p[1] >= 0)
		SAFE_CLOSE(p[1]);
}

static void run(unsigned int n)
{
	char buf[16] = {0};
	loff_t off = 2;

	SAFE_LSEEK(fd, 0, SEEK_SET);
	switch (n) {
	case 0:
		TST_EXP_VAL(splice(fd, &off, p[1], NULL, 5, 0), 5, "splice(file@2 -> pipe, 5)");
		TST_EXP_EQ_LI(off, 7);
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 0);
		SAFE_READ(1, p[0], buf, 5);
		TST_EXP_EXPR(!strcmp(buf, "23456"), "the pipe holds '23456'");
		break;
	case 1:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "ABC", 3);
		off = 3;
		TST_EXP_VAL(splice(p[0], NULL, fd, &off, 3, 0), 3, "splice(pipe -> file@3, 3)");
		TST_EXP_EQ_LI(off, 6);
		SAFE_PREAD(1, fd, buf, 10, 0);
		TST_EXP_EXPR(!strcmp(buf, "012ABC6789"), "the file now reads '012ABC6789'");
		break;
	case 2:
		TST_EXP_FAIL2(splice(p[0], NULL, p[1], NULL, 1, SPLICE_F_NONBLOCK), EINVAL,
			      "splice() of a pipe into itself");
		TST_EXP_FAIL2(splice(p[0], NULL, fd, NULL, 1, SPLICE_F_NONBLOCK), EAGAIN,
			      "splice(SPLICE_F_NONBLOCK) from an empty pipe");
		break;
	case 3:
		TST_EXP_FAIL2(splice(fd, NULL, fd, NULL, 1, 0), EINVAL,
			      "splice() with no pipe on either side");
		TST_EXP_FAIL2(splice(fd, NULL, p[1], NULL, 1, 0x100), EINVAL,
			      "splice() with unknown flag 0x100");
		break;
	case 4:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		off = 0;
		TST_EXP_FAIL2(splice(p[0], &off, fd, NULL, 1, 0), ESPIPE,
			      "splice() with an offset for the pipe end");
		SAFE_READ(1, p[0], buf, 1);
		TST_EXP_FAIL2(splice(-1, NULL, p[1], NULL, 1, 0), EBADF, "splice() from fd -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
