/* socketpair(): AF_UNIX stream pairs carry data both ways, datagram pairs
 * keep message boundaries, SOCK_CLOEXEC/SOCK_NONBLOCK apply; recv on a
 * closed peer gives 0; EOPNOTSUPP/EAFNOSUPPORT for AF_INET, EFAULT.
 * SYSCALLS: socketpair sendto recvfrom close fcntl */
#include <sys/socket.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	char buf[16] = {0};
	int sv[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "socketpair(AF_UNIX, SOCK_STREAM)");
		SAFE_SEND(1, sv[0], "ping", 4, 0);
		TST_EXP_VAL(recv(sv[1], buf, sizeof(buf), 0), 4, "recv() of 'ping'");
		SAFE_SEND(1, sv[1], "pong", 4, 0);
		TST_EXP_VAL(recv(sv[0], buf, sizeof(buf), 0), 4, "recv() of 'pong' the other way");
		TST_EXP_EXPR(!memcmp(buf, "pong", 4), "data intact");
		SAFE_CLOSE(sv[1]);
		TST_EXP_VAL(recv(sv[0], buf, sizeof(buf), 0), 0, "recv() after the peer closed");
		SAFE_CLOSE(sv[0]);
		break;
	case 1:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_DGRAM, 0, sv);
		SAFE_SEND(1, sv[0], "ab", 2, 0);
		SAFE_SEND(1, sv[0], "cde", 3, 0);
		TST_EXP_VAL(recv(sv[1], buf, sizeof(buf), 0), 2, "first datagram is 2 bytes");
		TST_EXP_VAL(recv(sv[1], buf, sizeof(buf), 0), 3, "second datagram is 3 bytes");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 2:
		TST_EXP_PASS(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv),
			     "socketpair(SOCK_CLOEXEC|SOCK_NONBLOCK)");
		TST_EXP_EXPR((fcntl(sv[0], F_GETFD) & FD_CLOEXEC) && (fcntl(sv[1], F_GETFL) & O_NONBLOCK),
			     "flags applied");
		TST_EXP_FAIL2(recv(sv[0], buf, 1, 0), EAGAIN, "recv() on an empty non-blocking socket");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 3:
		TST_EXP_FAIL(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP,
			     "socketpair(AF_INET, SOCK_STREAM)");
		TST_EXP_FAIL(socketpair(12345, SOCK_STREAM, 0, sv), EAFNOSUPPORT,
			     "socketpair() of family 12345");
		TST_EXP_FAIL(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, tst_get_bad_addr(NULL)),
			     EFAULT, "socketpair() into an unmapped array");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
