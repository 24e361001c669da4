/* lseek(): SEEK_SET/SEEK_CUR/SEEK_END results, seeking past EOF, and the
 * errors EINVAL (negative result, bad whence), ESPIPE (pipe), EBADF.
 * SYSCALLS: lseek openat close write read pipe2 */
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
	int p[2];
	char c;

	switch (n) {
	case 0:
		TST_EXP_VAL(lseek(fd, 4, SEEK_SET), 4, "lseek(4, SEEK_SET)");
		SAFE_READ(1, fd, &c, 1);
		TST_EXP_EQ_LI(c, '4');
		break;
	case 1:
		SAFE_LSEEK(fd, 2, SEEK_SET);
		TST_EXP_VAL(lseek(fd, 3, SEEK_CUR), 5, "lseek(3, SEEK_CUR) from 2");
		break;
	case 2:
		TST_EXP_VAL(lseek(fd, -1, SEEK_END), 9, "lseek(-1, SEEK_END)");
		break;
	case 3:
		TST_EXP_VAL(lseek(fd, 100, SEEK_SET), 100, "lseek() past EOF");
		TST_EXP_VAL(read(fd, &c, 1), 0, "read() past EOF");
		break;
	case 4:
		TST_EXP_FAIL2(lseek(fd, -1, SEEK_SET), EINVAL, "lseek(-1, SEEK_SET)");
		break;
	case 5:
		TST_EXP_FAIL2(lseek(fd, 0, 42), EINVAL, "lseek() with whence 42");
		break;
	case 6:
		SAFE_PIPE(p);
		TST_EXP_FAIL2(lseek(p[0], 0, SEEK_SET), ESPIPE, "lseek() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 7:
		TST_EXP_FAIL2(lseek(-1, 0, SEEK_SET), EBADF, "lseek(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 8,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
