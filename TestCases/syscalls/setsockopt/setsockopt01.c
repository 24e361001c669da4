/* setsockopt()/getsockopt(): SO_RCVBUF is doubled by the kernel,
 * SO_REUSEADDR/SO_KEEPALIVE/TCP_NODELAY round-trip, SO_TYPE/SO_DOMAIN/
 * SO_PROTOCOL report the socket, SO_LINGER and SO_RCVTIMEO structures
 * round-trip, an optlen larger than an int is cut to sizeof(int);
 * ENOPROTOOPT for an unknown option and level, EINVAL for a short optlen,
 * ENOTSOCK, EBADF, EFAULT.
 * SYSCALLS: setsockopt getsockopt socket close openat */
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static int geti(int s, int level, int opt)
{
	int v = -1;
	socklen_t l = sizeof(v);

	if (getsockopt(s, level, opt, &v, &l))
		return -1000 - errno;
	return v;
}

static void run(unsigned int n)
{
	struct linger lg = { 1, 7 }, lg2;
	struct timeval tv = { 2, 500000 }, tv2;
	socklen_t l;
	int s, v = 1, fd;
	long big = 0;

	s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
	switch (n) {
	case 0:
		v = 8192;
		TST_EXP_PASS(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)), "SO_RCVBUF 8192");
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_RCVBUF), 16384);
		v = 1;
		TST_EXP_PASS(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), "SO_REUSEADDR 1");
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_REUSEADDR), 1);
		TST_EXP_PASS(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)), "SO_KEEPALIVE 1");
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_KEEPALIVE), 1);
		TST_EXP_PASS(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)), "TCP_NODELAY 1");
		TST_EXP_EQ_LI(geti(s, IPPROTO_TCP, TCP_NODELAY), 1);
		break;
	case 1:
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_DOMAIN), AF_INET);
		TST_EXP_EQ_LI(geti(s, SOL_SOCKET, SO_PROTOCOL), IPPROTO_TCP);
		l = sizeof(big);
		TST_EXP_PASS(getsockopt(s, SOL_SOCKET, SO_TYPE, &big, &l), "getsockopt() with an 8-byte optlen");
		TST_EXP_EQ_LI(l, sizeof(int));
		break;
	case 2:
		TST_EXP_PASS(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)), "SO_LINGER on 7 s");
		l = sizeof(lg2);
		getsockopt(s, SOL_SOCKET, SO_LINGER, &lg2, &l);
		TST_EXP_EXPR(lg2.l_onoff && lg2.l_linger == 7, "linger read back");
		TST_EXP_PASS(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), "SO_RCVTIMEO 2.5 s");
		l = sizeof(tv2);
		getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv2, &l);
		TST_EXP_EXPR(tv2.tv_sec == 2 && tv2.tv_usec >= 490000 && tv2.tv_usec <= 510000,
			     "timeout read back %ld.%06ld", (long)tv2.tv_sec, (long)tv2.tv_usec);
		break;
	case 3:
		TST_EXP_FAIL(setsockopt(s, SOL_SOCKET, 9999, &v, sizeof(v)), ENOPROTOOPT, "option 9999");
		TST_EXP_FAIL(setsockopt(s, 9999, 1, &v, sizeof(v)), ENOPROTOOPT, "level 9999");
		TST_EXP_FAIL(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, 1), EINVAL, "optlen 1");
		TST_EXP_FAIL(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, tst_get_bad_addr(NULL), sizeof(int)), EFAULT,
			     "unmapped optval");
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), ENOTSOCK, "/dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(getsockopt(999, SOL_SOCKET, SO_TYPE, &v, &l), EBADF, "fd 999");
		break;
	}
	SAFE_CLOSE(s);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
