/* shutdown(): SHUT_WR on one end gives EOF to the peer's read while the
 * other direction still works; a write after SHUT_WR is EPIPE (SIGPIPE
 * ignored) or kills with SIGPIPE by default; SHUT_RD makes reads return 0;
 * ENOTCONN on an unconnected TCP socket, EINVAL for how 7, ENOTSOCK, EBADF.
 * SYSCALLS: shutdown socketpair socket sendto recvfrom write rt_sigaction close openat clone wait4 exit_group */
#include <sys/socket.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	char buf[8];
	int sv[2], s, fd, status;
	pid_t pid;

	switch (n) {
	case 0:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_STREAM, 0, sv);
		TST_EXP_PASS(shutdown(sv[0], SHUT_WR), "shutdown(SHUT_WR)");
		TST_EXP_VAL(recv(sv[1], buf, sizeof(buf), 0), 0, "peer reads EOF");
		SAFE_SEND(1, sv[1], "back", 4, 0);
		TST_EXP_VAL(recv(sv[0], buf, sizeof(buf), 0), 4, "the other direction still works");
		SAFE_SIGNAL(SIGPIPE, SIG_IGN);
		TST_EXP_FAIL2(send(sv[0], "x", 1, 0), EPIPE, "send() after SHUT_WR");
		SAFE_SIGNAL(SIGPIPE, SIG_DFL);
		pid = SAFE_FORK();
		if (!pid) {
			write(sv[0], "x", 1);
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "default action is SIGPIPE");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 1:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_STREAM, 0, sv);
		TST_EXP_PASS(shutdown(sv[1], SHUT_RD), "shutdown(SHUT_RD)");
		TST_EXP_VAL(recv(sv[1], buf, sizeof(buf), 0), 0, "read after SHUT_RD returns 0");
		TST_EXP_PASS(shutdown(sv[1], SHUT_RDWR), "shutdown(SHUT_RDWR)");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 2:
		s = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
		TST_EXP_FAIL(shutdown(s, SHUT_RDWR), ENOTCONN, "unconnected TCP socket");
		SAFE_CLOSE(s);
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_STREAM, 0, sv);
		TST_EXP_FAIL(shutdown(sv[0], 7), EINVAL, "how 7");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(shutdown(fd, SHUT_RD), ENOTSOCK, "/dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(shutdown(999, SHUT_RD), EBADF, "fd 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
};
