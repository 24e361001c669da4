/* socket(), bind(), listen(), connect(), accept(), getsockname(),
 * getsockopt() over AF_UNIX and loopback TCP; EAFNOSUPPORT, EINVAL for a
 * bad type, EADDRINUSE, ECONNREFUSED, ENOTSOCK.
 * SYSCALLS: socket bind listen connect accept accept4 getsockname getsockopt setsockopt sendto recvfrom close */
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_in in = { .sin_family = AF_INET };
	socklen_t len;
	char buf[8] = {0};
	int s, c, a, type, one = 1;

	switch (n) {
	case 0:
		strcpy(un.sun_path, "sock");
		s = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		TST_EXP_PASS(bind(s, (void *)&un, sizeof(un)), "bind() of an AF_UNIX path");
		TST_EXP_PASS(listen(s, 4), "listen()");
		c = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		TST_EXP_PASS(connect(c, (void *)&un, sizeof(un)), "connect() to the listener");
		a = TST_EXP_FD(accept(s, NULL, NULL), "accept()");
		if (a >= 0) {
			SAFE_SEND(1, c, "hi", 2, 0);
			SAFE_RECV(2, a, buf, sizeof(buf), 0);
			TST_EXP_EXPR(!memcmp(buf, "hi", 2), "data crossed the connection");
			SAFE_CLOSE(a);
		}
		TST_EXP_FAIL(bind(SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0), (void *)&un, sizeof(un)),
			     EADDRINUSE, "bind() of a path already bound");
		SAFE_CLOSE(c);
		SAFE_CLOSE(s);
		break;
	case 1:
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_SETSOCKOPT(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		SAFE_BIND(s, (void *)&in, sizeof(in));
		len = sizeof(in);
		TST_EXP_PASS(getsockname(s, (void *)&in, &len), "getsockname()");
		TST_EXP_EXPR(in.sin_port != 0, "the kernel picked a port (%d)", ntohs(in.sin_port));
		SAFE_LISTEN(s, 1);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (void *)&in, sizeof(in));
		a = TST_EXP_FD(accept4(s, NULL, NULL, SOCK_CLOEXEC), "accept4(SOCK_CLOEXEC) over loopback TCP");
		if (a >= 0) {
			TST_EXP_EQ_LI(fcntl(a, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
			SAFE_CLOSE(a);
		}
		len = sizeof(type);
		TST_EXP_PASS(getsockopt(c, SOL_SOCKET, SO_TYPE, &type, &len), "getsockopt(SO_TYPE)");
		TST_EXP_EQ_LI(type, SOCK_STREAM);
		SAFE_CLOSE(c);
		SAFE_CLOSE(s);
		break;
	case 2:
		TST_EXP_FAIL2(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT, "socket() of family 12345");
		TST_EXP_FAIL2(socket(AF_UNIX, 12345, 0), EINVAL, "socket() of type 12345");
		break;
	case 3:
		strcpy(un.sun_path, "nobody-listens");
		c = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		s = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		SAFE_BIND(s, (void *)&un, sizeof(un));
		TST_EXP_FAIL(connect(c, (void *)&un, sizeof(un)), ECONNREFUSED,
			     "connect() to a bound socket that is not listening");
		SAFE_CLOSE(c);
		SAFE_CLOSE(s);
		s = SAFE_OPEN("plain", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL(listen(s, 1), ENOTSOCK, "listen() on a regular file");
		SAFE_CLOSE(s);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
