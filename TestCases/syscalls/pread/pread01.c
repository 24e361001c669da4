/* pread(): reads at an offset without moving the file position; EINVAL
 * for a negative offset, ESPIPE on a pipe, EBADF.
 * SYSCALLS: pread64 lseek openat close pipe2 */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "abcdefghij", 10);
	SAFE_LSEEK(fd, 1, SEEK_SET);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char buf[8] = {0};
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_VAL(pread(fd, buf, 3, 5), 3, "pread(3 bytes at 5)");
		TST_EXP_EXPR(!memcmp(buf, "fgh", 3), "pread() data is 'fgh'");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 1);
		break;
	case 1:
		TST_EXP_VAL(pread(fd, buf, 8, 8), 2, "pread() crossing EOF is short");
		TST_EXP_VAL(pread(fd, buf, 8, 50), 0, "pread() past EOF returns 0");
		break;
	case 2:
		TST_EXP_FAIL2(pread(fd, buf, 1, -1), EINVAL, "pread() at offset -1");
		break;
	case 3:
		SAFE_PIPE(p);
		TST_EXP_FAIL2(pread(p[0], buf, 1, 0), ESPIPE, "pread() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 4:
		TST_EXP_FAIL2(pread(-1, buf, 1, 0), EBADF, "pread(-1)");
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
