/* read(): data and count, short read at end of file, 0 at EOF, and the
 * errors EBADF (closed / write-only fd), EISDIR, EFAULT, EAGAIN.
 * SYSCALLS: read openat close pipe2 lseek */
#include "tst_test.h"

static int fd = -1;
static void *bad_addr;

static void setup(void)
{
	SAFE_FILE_PRINTF("data", "hello world");
	SAFE_MKDIR("dir", 0755);
	fd = SAFE_OPEN("data", O_RDONLY);
	bad_addr = tst_get_bad_addr(NULL);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char buf[32];
	int wfd, dfd, p[2];

	memset(buf, 0, sizeof(buf));
	switch (n) {
	case 0:
		SAFE_LSEEK(fd, 0, SEEK_SET);
		TST_EXP_VAL(read(fd, buf, 5), 5, "read() of 5 bytes");
		TST_EXP_EXPR(!memcmp(buf, "hello", 5), "read() returned the file's first bytes");
		break;
	case 1:
		SAFE_LSEEK(fd, 6, SEEK_SET);
		TST_EXP_VAL(read(fd, buf, sizeof(buf)), 5, "read() near EOF is short");
		TST_EXP_VAL(read(fd, buf, sizeof(buf)), 0, "read() at EOF returns 0");
		break;
	case 2:
		TST_EXP_FAIL2(read(-1, buf, 1), EBADF, "read(-1)");
		break;
	case 3:
		wfd = SAFE_OPEN("data", O_WRONLY);
		TST_EXP_FAIL2(read(wfd, buf, 1), EBADF, "read() of a write-only fd");
		SAFE_CLOSE(wfd);
		break;
	case 4:
		dfd = SAFE_OPEN("dir", O_RDONLY | O_DIRECTORY);
		TST_EXP_FAIL2(read(dfd, buf, 1), EISDIR, "read() of a directory");
		SAFE_CLOSE(dfd);
		break;
	case 5:
		SAFE_LSEEK(fd, 0, SEEK_SET);
		TST_EXP_FAIL2(read(fd, bad_addr, 4), EFAULT, "read() into an unmapped buffer");
		break;
	case 6:
		SAFE_PIPE2(p, O_NONBLOCK);
		TST_EXP_FAIL2(read(p[0], buf, 1), EAGAIN, "read() of an empty O_NONBLOCK pipe");
		SAFE_CLOSE(p[1]);
		TST_EXP_VAL(read(p[0], buf, 1), 0, "read() of a pipe with no writers");
		SAFE_CLOSE(p[0]);
		break;
	case 7:
		SAFE_LSEEK(fd, 0, SEEK_SET);
		TST_EXP_VAL(read(fd, buf, 0), 0, "read() of 0 bytes");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 0);
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
