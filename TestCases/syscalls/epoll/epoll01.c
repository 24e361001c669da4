/* epoll_create1(), epoll_ctl(), epoll_wait()/epoll_pwait(): a readable
 * pipe is reported with its data, an empty one times out with 0, MOD and
 * DEL take effect; EEXIST, ENOENT, EINVAL (epoll fd added to itself,
 * maxevents 0, epoll_create1() with an unknown flag), EBADF.
 * SYSCALLS: epoll_create1 epoll_ctl epoll_pwait pipe2 write close */
#include <sys/epoll.h>
#include "tst_test.h"

static void run(void)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ULL }, out[4];
	int ep, p[2];

	ep = TST_EXP_FD(epoll_create1(EPOLL_CLOEXEC), "epoll_create1(EPOLL_CLOEXEC)");
	if (ep < 0)
		return;
	SAFE_PIPE(p);
	TST_EXP_PASS(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), "EPOLL_CTL_ADD of a pipe");
	TST_EXP_VAL(epoll_wait(ep, out, 4, 0), 0, "epoll_wait() on an empty pipe");
	SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
	TST_EXP_VAL(epoll_wait(ep, out, 4, 1000), 1, "epoll_wait() after a write");
	TST_EXP_EXPR(out[0].events == EPOLLIN && out[0].data.u64 == 0x1122334455667788ULL,
		     "event is EPOLLIN with the registered data");
	ev.events = EPOLLOUT;
	TST_EXP_PASS(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), "EPOLL_CTL_MOD to EPOLLOUT");
	TST_EXP_VAL(epoll_pwait(ep, out, 4, 0, NULL), 0, "epoll_pwait(): a read end is never writable");
	TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST, "EPOLL_CTL_ADD twice");
	TST_EXP_PASS(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), "EPOLL_CTL_DEL");
	TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT, "EPOLL_CTL_DEL of an unregistered fd");
	TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL, "adding an epoll fd to itself");
	TST_EXP_FAIL2(epoll_wait(ep, out, 0, 0), EINVAL, "epoll_wait() with maxevents 0");
	TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, -1, &ev), EBADF, "EPOLL_CTL_ADD of fd -1");
	TST_EXP_FAIL(epoll_create1(0x1234), EINVAL, "epoll_create1() with unknown flags 0x1234");
	SAFE_CLOSE(p[0]);
	SAFE_CLOSE(p[1]);
	SAFE_CLOSE(ep);
}

static struct tst_test test = {
	.test_all = run,
};
