/* vmsplice(): gathers user buffers into a pipe in order, and on the read
 * end copies pipe data out into user buffers; SPLICE_F_NONBLOCK on a full
 * pipe is EAGAIN; EBADF for a regular file, EINVAL for an unknown flag.
 * SYSCALLS: vmsplice read write fcntl pipe2 openat close */
#include <sys/uio.h>
#include "tst_test.h"

static int p[2] = { -1, -1 };

static void setup(void)
{
	SAFE_PIPE(p);
}

static void cleanup(void)
{
	if (p[0] >= 0)
		SAFE_CLOSE(p[0]);
	if (p[1] >= 0)
		SAFE_CLOSE(p[1]);
}

static void run(unsigned int n)
{
	static char one[] = "vm", two[] = "splice";
	struct iovec iov[2] = { { one, 2 }, { two, 6 } };
	char buf[16] = {0}, a[4] = {0}, b[8] = {0};
	struct iovec out[2] = { { a, 3 }, { b, 5 } };
	static char big[65536];
	int fd, psz;

	switch (n) {
	case 0:
		TST_EXP_VAL(vmsplice(p[1], iov, 2, 0), 8, "vmsplice(2 buffers) into a pipe");
		SAFE_READ(1, p[0], buf, 8);
		TST_EXP_EXPR(!strcmp(buf, "vmsplice"), "the pipe reads 'vmsplice'");
		break;
	case 1:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "abcdefgh", 8);
		TST_EXP_VAL(vmsplice(p[0], out, 2, 0), 8, "vmsplice() from the read end");
		TST_EXP_EXPR(!strcmp(a, "abc") && !strcmp(b, "defgh"),
			     "user buffers got 'abc' and 'defgh'");
		break;
	case 2:
		psz = SAFE_FCNTL(p[1], F_GETPIPE_SZ);
		SAFE_FCNTL(p[1], F_SETFL, O_NONBLOCK);
		while (psz > 0) {
			int w = write(p[1], big, MIN(psz, (int)sizeof(big)));

			if (w <= 0)
				break;
			psz -= w;
		}
		TST_EXP_FAIL2(vmsplice(p[1], iov, 2, SPLICE_F_NONBLOCK), EAGAIN,
			      "vmsplice(SPLICE_F_NONBLOCK) into a full pipe");
		SAFE_FCNTL(p[1], F_SETFL, 0);
		SAFE_FCNTL(p[0], F_SETFL, O_NONBLOCK);
		while (read(p[0], big, sizeof(big)) > 0)
			;
		SAFE_FCNTL(p[0], F_SETFL, 0);
		break;
	case 3:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL2(vmsplice(fd, iov, 2, 0), EBADF, "vmsplice() on a regular file");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL2(vmsplice(p[1], iov, 2, 0x100), EINVAL,
			      "vmsplice() with unknown flag 0x100");
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
