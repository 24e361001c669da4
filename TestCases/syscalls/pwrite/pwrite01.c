/* pwrite(): writes at an offset without moving the position, extends the
 * file with a hole; EINVAL, ESPIPE, EBADF.
 * SYSCALLS: pwrite64 pread64 lseek openat close pipe2 newfstatat */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
	SAFE_LSEEK(fd, 2, SEEK_SET);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char buf[8] = {0};
	struct stat st;
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_VAL(pwrite(fd, "XY", 2, 4), 2, "pwrite(2 bytes at 4)");
		SAFE_PREAD(1, fd, buf, 4, 3);
		TST_EXP_EXPR(!memcmp(buf, "3XY6", 4), "pwrite() replaced bytes 4-5");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 2);
		break;
	case 1:
		TST_EXP_VAL(pwrite(fd, "E", 1, 99), 1, "pwrite() past EOF");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 100);
		SAFE_PREAD(1, fd, buf, 1, 50);
		TST_EXP_EQ_LI(buf[0], 0);
		break;
	case 2:
		TST_EXP_FAIL2(pwrite(fd, "x", 1, -1), EINVAL, "pwrite() at offset -1");
		break;
	case 3:
		SAFE_PIPE(p);
		TST_EXP_FAIL2(pwrite(p[1], "x", 1, 0), ESPIPE, "pwrite() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 4:
		TST_EXP_FAIL2(pwrite(-1, "x", 1, 0), EBADF, "pwrite(-1)");
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
