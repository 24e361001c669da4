/* listen(): a listening TCP socket accepts a loopback connection; a
 * backlog can be changed by calling listen again; listen on an unbound
 * TCP socket autobinds a port; EOPNOTSUPP for a UDP socket, EINVAL for a
 * connected socket, ENOTSOCK, EBADF.
 * SYSCALLS: listen socket getsockname connect accept close openat */
#include <sys/socket.h>
#include <netinet/in.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	socklen_t len = sizeof(in);
	int s, c, a, fd;

	switch (n) {
	case 0:
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_PASS(listen(s, 5), "listen() on an unbound socket");
		SAFE_GETSOCKNAME(s, (struct sockaddr *)&in, &len);
		TST_EXP_EXPR(in.sin_port != 0, "autobound to port %d", ntohs(in.sin_port));
		TST_EXP_PASS(listen(s, 1), "listen() again with a new backlog");
		in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&in, sizeof(in));
		a = TST_EXP_FD(accept(s, NULL, NULL), "accept() a loopback connection");
		TST_EXP_FAIL(listen(c, 1), EINVAL, "listen() on a connected socket");
		SAFE_CLOSE(a);
		SAFE_CLOSE(c);
		SAFE_CLOSE(s);
		break;
	case 1:
		s = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		TST_EXP_FAIL(listen(s, 1), EOPNOTSUPP, "listen() on UDP");
		SAFE_CLOSE(s);
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(listen(fd, 1), ENOTSOCK, "listen() on /dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(listen(999, 1), EBADF, "listen() on fd 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
