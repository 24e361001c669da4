/* FIONREAD: bytes waiting in a pipe and a stream socket, 0 when empty,
 * the file size minus position for a regular file; FIONBIO toggles
 * O_NONBLOCK; FIOCLEX/FIONCLEX toggle FD_CLOEXEC; EBADF.
 * SYSCALLS: ioctl pipe2 socketpair write openat lseek fcntl close
 * IOCTLS: FIONREAD FIONBIO FIOCLEX FIONCLEX */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	int p[2], fd, avail = -1, on = 1;

	switch (n) {
	case 0:
		SAFE_PIPE(p);
		TST_EXP_PASS(ioctl(p[0], FIONREAD, &avail), "FIONREAD on an empty pipe");
		TST_EXP_EQ_LI(avail, 0);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "12345", 5);
		TST_EXP_PASS(ioctl(p[0], FIONREAD, &avail), "FIONREAD after writing 5 bytes");
		TST_EXP_EQ_LI(avail, 5);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 1:
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, p)) {
			tst_res(TCONF | TERRNO, "socketpair(AF_UNIX) unavailable");
			return;
		}
		SAFE_WRITE(SAFE_WRITE_ALL, p[0], "abc", 3);
		TST_EXP_PASS(ioctl(p[1], FIONREAD, &avail), "FIONREAD on a stream socket");
		TST_EXP_EQ_LI(avail, 3);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 2:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
		SAFE_LSEEK(fd, 4, SEEK_SET);
		TST_EXP_PASS(ioctl(fd, FIONREAD, &avail), "FIONREAD on a regular file");
		TST_EXP_EQ_LI(avail, 6);
		SAFE_CLOSE(fd);
		break;
	case 3:
		SAFE_PIPE(p);
		TST_EXP_PASS(ioctl(p[0], FIONBIO, &on), "FIONBIO on");
		TST_EXP_EQ_LI(fcntl(p[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
		on = 0;
		TST_EXP_PASS(ioctl(p[0], FIONBIO, &on), "FIONBIO off");
		TST_EXP_EQ_LI(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
		TST_EXP_PASS(ioctl(p[0], FIOCLEX), "FIOCLEX");
		TST_EXP_EQ_LI(fcntl(p[0], F_GETFD), FD_CLOEXEC);
		TST_EXP_PASS(ioctl(p[0], FIONCLEX), "FIONCLEX");
		TST_EXP_EQ_LI(fcntl(p[0], F_GETFD), 0);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 4:
		TST_EXP_FAIL(ioctl(-1, FIONREAD, &avail), EBADF, "FIONREAD on fd -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
};
