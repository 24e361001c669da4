/* connect(): TCP to a loopback listener succeeds and a second connect is
 * EISCONN; to a closed port is ECONNREFUSED; a non-blocking connect returns
 * 0 or EINPROGRESS and completes (SO_ERROR 0); UDP connect sets the default
 * peer (send without address reaches it) and AF_UNSPEC dissolves it;
 * AF_UNIX to a missing path is ENOENT, to a non-socket file ECONNREFUSED;
 * EAFNOSUPPORT, EINVAL for short addrlen, ENOTSOCK, EBADF.
 * SYSCALLS: connect socket bind listen getsockname getsockopt sendto recvfrom ppoll fcntl close openat utimensat */
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static struct sockaddr_in lo(int port)
{
	return (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = port,
				     .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
}

static void run(unsigned int n)
{
	struct sockaddr_in addr = lo(0), unspec_in = { .sin_family = AF_UNSPEC };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	socklen_t len = sizeof(addr);
	struct pollfd pfd;
	int l, c, u1, u2, err = -1, fd;
	char buf[8];

	switch (n) {
	case 0:
		l = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_BIND(l, (struct sockaddr *)&addr, sizeof(addr));
		SAFE_LISTEN(l, 2);
		SAFE_GETSOCKNAME(l, (struct sockaddr *)&addr, &len);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_PASS(connect(c, (struct sockaddr *)&addr, sizeof(addr)), "connect() to a listener");
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&addr, sizeof(addr)), EISCONN, "connect() twice");
		SAFE_CLOSE(c);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		TEST(connect(c, (struct sockaddr *)&addr, sizeof(addr)));
		TST_EXP_EXPR(TST_RET == 0 || TST_ERR == EINPROGRESS, "non-blocking connect: 0 or EINPROGRESS");
		pfd = (struct pollfd){ .fd = c, .events = POLLOUT };
		poll(&pfd, 1, 5000);
		len = sizeof(err);
		getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len);
		TST_EXP_EQ_LI(err, 0);
		SAFE_CLOSE(c);
		SAFE_CLOSE(l);
		/* The port is now closed. */
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&addr, sizeof(addr)), ECONNREFUSED, "closed port");
		SAFE_CLOSE(c);
		break;
	case 1:
		u1 = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		u2 = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		SAFE_BIND(u2, (struct sockaddr *)&addr, sizeof(addr));
		SAFE_GETSOCKNAME(u2, (struct sockaddr *)&addr, &len);
		TST_EXP_PASS(connect(u1, (struct sockaddr *)&addr, sizeof(addr)), "UDP connect()");
		TST_EXP_VAL(send(u1, "dg", 2, 0), 2, "send() without an address");
		TST_EXP_VAL(recv(u2, buf, sizeof(buf), 0), 2, "datagram arrived at the connected peer");
		TST_EXP_PASS(connect(u1, (struct sockaddr *)&unspec_in, sizeof(unspec_in)), "connect(AF_UNSPEC)");
		TST_EXP_FAIL2(send(u1, "dg", 2, 0), EDESTADDRREQ, "send() after dissolving");
		SAFE_CLOSE(u1);
		SAFE_CLOSE(u2);
		break;
	case 2:
		c = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		strcpy(un.sun_path, "missing");
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&un, sizeof(un)), ENOENT, "AF_UNIX missing path");
		SAFE_TOUCH("plain", 0644, NULL);
		strcpy(un.sun_path, "plain");
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&un, sizeof(un)), ECONNREFUSED, "AF_UNIX regular file");
		SAFE_CLOSE(c);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&un, sizeof(un)), EAFNOSUPPORT, "AF_UNIX address on TCP");
		TST_EXP_FAIL(connect(c, (struct sockaddr *)&addr, 3), EINVAL, "addrlen 3");
		SAFE_CLOSE(c);
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(connect(fd, (struct sockaddr *)&addr, sizeof(addr)), ENOTSOCK, "/dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(connect(999, (struct sockaddr *)&addr, sizeof(addr)), EBADF, "fd 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
