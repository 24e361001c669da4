/* epoll_wait() event semantics: level-triggered reports again while data
 * is there, EPOLLET reports once per new arrival, EPOLLONESHOT reports once
 * until re-armed with EPOLL_CTL_MOD, a socket whose peer shut down writing
 * gives EPOLLRDHUP, the user data comes back; EINVAL for maxevents -1,
 * EFAULT for an unmapped event buffer.
 * SYSCALLS: epoll_pwait epoll_ctl epoll_create1 pipe2 write read close socketpair shutdown */
#include <sys/epoll.h>
#include <sys/socket.h>
#include "tst_test.h"

static int ep = -1, p[2] = { -1, -1 };

static void setup(void)
{
	ep = epoll_create1(0);
	if (ep < 0)
		tst_brk(TBROK | TERRNO, "epoll_create1()");
	SAFE_PIPE(p);
}

static void cleanup(void)
{
	if (ep >= 0)
		SAFE_CLOSE(ep);
	if (p[0] >= 0)
		SAFE_CLOSE(p[0]);
	if (p[1] >= 0)
		SAFE_CLOSE(p[1]);
}

static void watch(int fd, unsigned int events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };

	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev))
		tst_brk(TBROK | TERRNO, "epoll_ctl(ADD)");
}

static void run(unsigned int n)
{
	struct epoll_event ev = { 0 }, out[2];
	char buf[8];
	int sv[2];

	switch (n) {
	case 0:
		watch(p[0], EPOLLIN, 0x1234);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "ab", 2);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "level-triggered: first wait");
		TST_EXP_EXPR(out[0].data.u64 == 0x1234 && out[0].events == EPOLLIN,
			     "the event carries EPOLLIN and the user data");
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "level-triggered: data still there, reported again");
		SAFE_READ(1, p[0], buf, 2);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 0, "level-triggered: drained, nothing reported");
		break;
	case 1:
		watch(p[0], EPOLLIN | EPOLLET, 1);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "a", 1);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "EPOLLET: the arrival is reported");
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 0, "EPOLLET: not again without new data");
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "b", 1);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "EPOLLET: a new arrival is reported");
		SAFE_READ(1, p[0], buf, 2);
		break;
	case 2:
		watch(p[0], EPOLLIN | EPOLLONESHOT, 2);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "a", 1);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "EPOLLONESHOT: first report");
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "b", 1);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 0, "EPOLLONESHOT: disabled after one report");
		ev.events = EPOLLIN | EPOLLONESHOT;
		TST_EXP_PASS(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), "re-arm with EPOLL_CTL_MOD");
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "EPOLLONESHOT: reported after re-arming");
		SAFE_READ(1, p[0], buf, 2);
		break;
	case 3:
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
			tst_brk(TBROK | TERRNO, "socketpair()");
		watch(sv[0], EPOLLIN | EPOLLRDHUP, 3);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 0, "an idle socket reports nothing");
		shutdown(sv[1], SHUT_WR);
		TST_EXP_VAL(epoll_wait(ep, out, 2, 0), 1, "after the peer's shutdown(SHUT_WR)");
		TST_EXP_EXPR(out[0].events & EPOLLRDHUP, "EPOLLRDHUP is set (0x%x)", out[0].events);
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 4:
		watch(p[1], EPOLLOUT, 4);
		TST_EXP_FAIL2(epoll_wait(ep, out, -1, 0), EINVAL, "epoll_wait() with maxevents -1");
		TST_EXP_FAIL2(epoll_wait(ep, tst_get_bad_addr(NULL), 2, 0), EFAULT,
			      "epoll_wait() into an unmapped buffer with an event ready");
		break;
	}
	/* A fresh instance per case: nothing registered carries over. */
	SAFE_CLOSE(ep);
	ep = epoll_create1(0);
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
