/* accept4(): SOCK_CLOEXEC and SOCK_NONBLOCK apply to the accepted socket
 * (not inherited from the listener), the peer address is returned with its
 * length, a non-blocking listener with no pending connection gives EAGAIN;
 * EINVAL for unknown flags and for a socket that is not listening,
 * EOPNOTSUPP for a UDP socket, EFAULT for an unmapped address. accept()
 * behaves as accept4() with no flags: a connection, EBADF, ENOTSOCK,
 * EINVAL for a socket that is not listening.
 * SYSCALLS: accept4 accept socket bind listen connect getsockname fcntl close openat */
#include <sys/socket.h>
#include <netinet/in.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static int lsn = -1;
static struct sockaddr_in addr;

static void setup(void)
{
	socklen_t len = sizeof(addr);

	lsn = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
	addr = (struct sockaddr_in){ .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	SAFE_BIND(lsn, (struct sockaddr *)&addr, sizeof(addr));
	SAFE_LISTEN(lsn, 4);
	SAFE_GETSOCKNAME(lsn, (struct sockaddr *)&addr, &len);
}

static void cleanup(void)
{
	if (lsn >= 0)
		SAFE_CLOSE(lsn);
}

static void run(unsigned int n)
{
	struct sockaddr_in peer, me;
	socklen_t len = sizeof(peer), mlen = sizeof(me);
	int c, a, s, fl;

	switch (n) {
	case 0:
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&addr, sizeof(addr));
		a = TST_EXP_FD(accept4(lsn, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC | SOCK_NONBLOCK),
			       "accept4(SOCK_CLOEXEC|SOCK_NONBLOCK)");
		TST_EXP_EXPR((fcntl(a, F_GETFD) & FD_CLOEXEC) && (fcntl(a, F_GETFL) & O_NONBLOCK), "flags applied");
		SAFE_GETSOCKNAME(c, (struct sockaddr *)&me, &mlen);
		TST_EXP_EXPR(len == sizeof(peer) && peer.sin_port == me.sin_port, "peer address is the client's");
		SAFE_CLOSE(a);
		SAFE_CLOSE(c);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&addr, sizeof(addr));
		a = TST_EXP_FD(accept4(lsn, NULL, NULL, 0), "accept4(flags 0)");
		TST_EXP_EXPR(!(fcntl(a, F_GETFD) & FD_CLOEXEC) && !(fcntl(a, F_GETFL) & O_NONBLOCK), "no flags");
		SAFE_CLOSE(a);
		SAFE_CLOSE(c);
		break;
	case 1:
		fl = fcntl(lsn, F_GETFL);
		fcntl(lsn, F_SETFL, fl | O_NONBLOCK);
		TST_EXP_FAIL2(accept4(lsn, NULL, NULL, 0), EAGAIN, "non-blocking listener, nothing pending");
		/* Still non-blocking: an emulator that drops the flag must not hang. */
		TST_EXP_FAIL2(accept4(lsn, NULL, NULL, 0x4), EINVAL, "accept4() flag 0x4");
		fcntl(lsn, F_SETFL, fl);
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL2(accept4(s, NULL, NULL, 0), EINVAL, "socket not listening");
		SAFE_CLOSE(s);
		s = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		TST_EXP_FAIL2(accept4(s, NULL, NULL, 0), EOPNOTSUPP, "accept4() on UDP");
		SAFE_CLOSE(s);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&addr, sizeof(addr));
		TST_EXP_FAIL2(accept4(lsn, tst_get_bad_addr(NULL), &len, 0), EFAULT, "unmapped address buffer");
		SAFE_CLOSE(c);
		break;
	case 2:
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&addr, sizeof(addr));
		a = TST_EXP_FD(accept(lsn, (struct sockaddr *)&peer, &len), "accept()");
		TST_EXP_EXPR(!(fcntl(a, F_GETFD) & FD_CLOEXEC) && len == sizeof(peer), "no flags, peer length");
		SAFE_CLOSE(a);
		SAFE_CLOSE(c);
		TST_EXP_FAIL2(accept(-1, NULL, NULL), EBADF, "accept(-1)");
		s = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL2(accept(s, NULL, NULL), ENOTSOCK, "accept() of a file");
		SAFE_CLOSE(s);
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL2(accept(s, NULL, NULL), EINVAL, "accept() of a socket not listening");
		SAFE_CLOSE(s);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
