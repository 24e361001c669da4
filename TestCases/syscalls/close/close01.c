/* close(): closing a file, a pipe end and a socket; EBADF for a closed
 * fd, -1 and a number never opened.
 * SYSCALLS: close openat pipe2 socket fcntl */
#include <sys/socket.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	int fd, p[2];

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_PASS(close(fd), "close() of a regular file");
		TST_EXP_FAIL(fcntl(fd, F_GETFD), EBADF, "fcntl(F_GETFD) after close()");
		break;
	case 1:
		SAFE_PIPE(p);
		TST_EXP_PASS(close(p[0]), "close() of a pipe read end");
		TST_EXP_PASS(close(p[1]), "close() of a pipe write end");
		break;
	case 2:
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (fd < 0) {
			tst_res(TCONF | TERRNO, "socket(AF_UNIX) unavailable");
			return;
		}
		TST_EXP_PASS(close(fd), "close() of a socket");
		break;
	case 3:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("f", O_RDONLY);
		close(fd);
		TST_EXP_FAIL(close(fd), EBADF, "close() of an already closed fd");
		break;
	case 4:
		TST_EXP_FAIL(close(-1), EBADF, "close(-1)");
		break;
	case 5:
		TST_EXP_FAIL(close(1000000), EBADF, "close() of a huge fd number");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.needs_tmpdir = 1,
};
