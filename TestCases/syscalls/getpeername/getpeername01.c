/* getpeername()/getsockname(): on a connected TCP pair each side's peer
 * name is the other's sock name; for socketpair() AF_UNIX sockets the
 * names are unnamed (length = sizeof(sa_family_t)); a bound AF_UNIX
 * listener reports its path; a short addrlen truncates but reports the
 * full length; ENOTCONN for an unconnected socket, ENOTSOCK, EBADF,
 * EFAULT.
 * SYSCALLS: getpeername getsockname socket socketpair bind listen connect accept close openat */
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in cname, cpeer, aname, apeer;
	struct sockaddr_un un = { .sun_family = AF_UNIX }, ungot;
	socklen_t len = sizeof(addr), l1 = sizeof(cname), l2 = sizeof(cpeer), l3 = sizeof(aname),
		  l4 = sizeof(apeer), ul = sizeof(ungot);
	char small[4];
	int l, c, a, sv[2], fd;

	switch (n) {
	case 0:
		l = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_BIND(l, (struct sockaddr *)&addr, sizeof(addr));
		SAFE_LISTEN(l, 1);
		SAFE_GETSOCKNAME(l, (struct sockaddr *)&addr, &len);
		c = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		SAFE_CONNECT(c, (struct sockaddr *)&addr, sizeof(addr));
		a = SAFE_ACCEPT(l, NULL, NULL);
		TST_EXP_PASS(getsockname(c, (struct sockaddr *)&cname, &l1), "getsockname(client)");
		TST_EXP_PASS(getpeername(c, (struct sockaddr *)&cpeer, &l2), "getpeername(client)");
		TST_EXP_PASS(getsockname(a, (struct sockaddr *)&aname, &l3), "getsockname(accepted)");
		TST_EXP_PASS(getpeername(a, (struct sockaddr *)&apeer, &l4), "getpeername(accepted)");
		TST_EXP_EXPR(cpeer.sin_port == aname.sin_port && apeer.sin_port == cname.sin_port &&
			     cpeer.sin_port == addr.sin_port, "names and peer names mirror each other");
		len = sizeof(small);
		TST_EXP_PASS(getpeername(c, (struct sockaddr *)small, &len), "getpeername() into 4 bytes");
		TST_EXP_EQ_LI(len, sizeof(struct sockaddr_in));
		TST_EXP_FAIL(getpeername(l, (struct sockaddr *)&cpeer, &l2), ENOTCONN, "getpeername() of a listener");
		TST_EXP_FAIL(getpeername(c, tst_get_bad_addr(NULL), &l2), EFAULT, "unmapped buffer");
		SAFE_CLOSE(a);
		SAFE_CLOSE(c);
		SAFE_CLOSE(l);
		break;
	case 1:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_STREAM, 0, sv);
		TST_EXP_PASS(getpeername(sv[0], (struct sockaddr *)&ungot, &ul), "getpeername() on a socketpair");
		TST_EXP_EQ_LI(ul, sizeof(sa_family_t));
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		l = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		strcpy(un.sun_path, "named");
		SAFE_BIND(l, (struct sockaddr *)&un, sizeof(un));
		ul = sizeof(ungot);
		TST_EXP_PASS(getsockname(l, (struct sockaddr *)&ungot, &ul), "getsockname() of a bound AF_UNIX socket");
		TST_EXP_EQ_STR(ungot.sun_path, "named");
		SAFE_CLOSE(l);
		break;
	case 2:
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(getpeername(fd, (struct sockaddr *)&cpeer, &l2), ENOTSOCK, "/dev/null");
		TST_EXP_FAIL(getsockname(fd, (struct sockaddr *)&cpeer, &l2), ENOTSOCK, "getsockname(/dev/null)");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(getpeername(999, (struct sockaddr *)&cpeer, &l2), EBADF, "fd 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
