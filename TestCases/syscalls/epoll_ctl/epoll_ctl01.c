/* epoll_ctl() errors beyond the basics: EPERM for a regular file, EINVAL
 * for an unknown op, for a non-epoll epfd and for EPOLLEXCLUSIVE with
 * EPOLL_CTL_MOD, ELOOP for two epoll instances watching each other, EFAULT
 * for an unmapped event, EBADF; an epoll fd can watch another (nesting).
 * SYSCALLS: epoll_ctl epoll_create1 openat close pipe2 */
#include <sys/epoll.h>
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

static void run(unsigned int n)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int fd, ep2;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev), EPERM,
			     "epoll_ctl(ADD) of a regular file");
		SAFE_CLOSE(fd);
		break;
	case 1:
		TST_EXP_FAIL(epoll_ctl(ep, 42, p[0], &ev), EINVAL, "epoll_ctl() with op 42");
		TST_EXP_FAIL(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL,
			     "epoll_ctl() on a pipe as the epoll fd");
		break;
	case 2:
		ev.events = EPOLLIN | EPOLLEXCLUSIVE;
		TST_EXP_PASS(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), "epoll_ctl(ADD, EPOLLEXCLUSIVE)");
		TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), EINVAL,
			     "epoll_ctl(MOD) of an EPOLLEXCLUSIVE entry");
		SAFE_CLOSE(p[0]);
		SAFE_PIPE2(p, 0);
		break;
	case 3:
		ep2 = epoll_create1(0);
		TST_EXP_PASS(epoll_ctl(ep2, EPOLL_CTL_ADD, ep, &ev), "an epoll fd watches another");
		TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, ep2, &ev), ELOOP,
			     "epoll_ctl() closing a watch loop");
		SAFE_CLOSE(ep2);
		break;
	case 4:
		TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], tst_get_bad_addr(NULL)), EFAULT,
			     "epoll_ctl(ADD) with an unmapped event");
		TST_EXP_FAIL(epoll_ctl(-1, EPOLL_CTL_ADD, p[1], &ev), EBADF, "epoll_ctl(-1, ...)");
		TST_EXP_FAIL(epoll_ctl(ep, EPOLL_CTL_ADD, -1, &ev), EBADF, "epoll_ctl() of fd -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
