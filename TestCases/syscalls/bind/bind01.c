/* bind(): to 127.0.0.1 port 0 picks an ephemeral port (getsockname), to an
 * AF_UNIX path creates the socket file, to an abstract AF_UNIX name
 * creates no file; EADDRINUSE for a port in use and an existing path,
 * EINVAL for binding twice and for a short addrlen, EADDRNOTAVAIL for an
 * address not on this host, EAFNOSUPPORT for a mismatched family, ENOTSOCK,
 * EBADF, EFAULT.
 * SYSCALLS: bind socket getsockname newfstatat listen close openat */
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	struct sockaddr_in in = { .sin_family = AF_INET }, got;
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	socklen_t len = sizeof(got);
	struct stat st;
	int s, s2, fd;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	switch (n) {
	case 0:
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_PASS(bind(s, (struct sockaddr *)&in, sizeof(in)), "bind(127.0.0.1:0)");
		SAFE_GETSOCKNAME(s, (struct sockaddr *)&got, &len);
		TST_EXP_EXPR(got.sin_port != 0 && got.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
			     "ephemeral port %d on 127.0.0.1", ntohs(got.sin_port));
		TST_EXP_FAIL(bind(s, (struct sockaddr *)&in, sizeof(in)), EINVAL, "bind() twice");
		SAFE_LISTEN(s, 1);
		s2 = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL(bind(s2, (struct sockaddr *)&got, sizeof(got)), EADDRINUSE, "bind() to a port in use");
		SAFE_CLOSE(s2);
		SAFE_CLOSE(s);
		break;
	case 1:
		s = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		strcpy(un.sun_path, "sock");
		TST_EXP_PASS(bind(s, (struct sockaddr *)&un, sizeof(un)), "bind(AF_UNIX \"sock\")");
		TST_EXP_EXPR(stat("sock", &st) == 0 && S_ISSOCK(st.st_mode), "socket file created");
		s2 = SAFE_SOCKET(AF_UNIX, SOCK_STREAM, 0);
		TST_EXP_FAIL(bind(s2, (struct sockaddr *)&un, sizeof(un)), EADDRINUSE, "bind() to an existing path");
		SAFE_CLOSE(s2);
		SAFE_CLOSE(s);
		s = SAFE_SOCKET(AF_UNIX, SOCK_DGRAM, 0);
		memset(un.sun_path, 0, sizeof(un.sun_path));
		strcpy(un.sun_path + 1, "ferry-abstract");
		TST_EXP_PASS(bind(s, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 15),
			     "bind() to an abstract name");
		TST_EXP_FAIL(stat("ferry-abstract", &st), ENOENT, "no file for the abstract name");
		SAFE_CLOSE(s);
		break;
	case 2:
		s = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		TST_EXP_FAIL(bind(s, (struct sockaddr *)&in, 4), EINVAL, "addrlen 4");
		in.sin_addr.s_addr = inet_addr("192.0.2.77");
		TST_EXP_FAIL(bind(s, (struct sockaddr *)&in, sizeof(in)), EADDRNOTAVAIL, "192.0.2.77 not local");
		TST_EXP_FAIL(bind(s, (struct sockaddr *)&un, sizeof(un)), EAFNOSUPPORT, "AF_UNIX address on AF_INET");
		TST_EXP_FAIL(bind(s, tst_get_bad_addr(NULL), sizeof(in)), EFAULT, "unmapped address");
		SAFE_CLOSE(s);
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(bind(fd, (struct sockaddr *)&in, sizeof(in)), ENOTSOCK, "bind() on /dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(bind(999, (struct sockaddr *)&in, sizeof(in)), EBADF, "bind() on fd 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
