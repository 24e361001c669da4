/* write(): count and content, position advance, 0-byte write, and the
 * errors EBADF (read-only fd), EFAULT, EPIPE (SIGPIPE ignored), EAGAIN on a
 * full non-blocking pipe.
 * SYSCALLS: write read openat close lseek pipe2 rt_sigaction fcntl */
#include "tst_test.h"

static void *bad_addr;

static void setup(void)
{
	bad_addr = tst_get_bad_addr(NULL);
	SAFE_SIGNAL(SIGPIPE, SIG_IGN);
}

static void run(unsigned int n)
{
	char buf[4096];
	int fd, p[2];
	long total;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR | O_TRUNC, 0600);
		TST_EXP_VAL(write(fd, "abcdef", 6), 6, "write() of 6 bytes");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 6);
		SAFE_LSEEK(fd, 0, SEEK_SET);
		memset(buf, 0, sizeof(buf));
		SAFE_READ(1, fd, buf, 6);
		TST_EXP_EXPR(!memcmp(buf, "abcdef", 6), "written bytes read back");
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_VAL(write(fd, buf, 0), 0, "write() of 0 bytes");
		SAFE_CLOSE(fd);
		break;
	case 2:
		fd = SAFE_OPEN("f", O_CREAT | O_RDONLY, 0600);
		TST_EXP_FAIL2(write(fd, "x", 1), EBADF, "write() to a read-only fd");
		SAFE_CLOSE(fd);
		break;
	case 3:
		fd = SAFE_OPEN("f", O_CREAT | O_WRONLY, 0600);
		TST_EXP_FAIL2(write(fd, bad_addr, 1), EFAULT, "write() from an unmapped buffer");
		SAFE_CLOSE(fd);
		break;
	case 4:
		SAFE_PIPE(p);
		SAFE_CLOSE(p[0]);
		TST_EXP_FAIL2(write(p[1], "x", 1), EPIPE, "write() to a pipe without readers");
		SAFE_CLOSE(p[1]);
		break;
	case 5:
		SAFE_PIPE2(p, O_NONBLOCK);
		memset(buf, 'z', sizeof(buf));
		total = 0;
		for (;;) {
			ssize_t r = write(p[1], buf, sizeof(buf));
			if (r < 0)
				break;
			total += r;
		}
		TST_EXP_EXPR(errno == EAGAIN && total > 0,
			     "a full O_NONBLOCK pipe gives EAGAIN after %ld bytes", total);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 6:
		TST_EXP_FAIL2(write(-1, "x", 1), EBADF, "write(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 7,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
