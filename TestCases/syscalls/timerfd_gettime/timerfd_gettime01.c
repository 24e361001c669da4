/* timerfd_gettime(): an unarmed timer reads all zero, an armed one reports
 * time left no more than set (and more than zero) plus its interval, a
 * disarmed one zero again; EINVAL for a non-timerfd fd, EBADF, EFAULT.
 * SYSCALLS: timerfd_gettime timerfd_settime timerfd_create pipe2 close */
#include <sys/timerfd.h>
#include <time.h>
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (fd < 0)
		tst_brk(TBROK | TERRNO, "timerfd_create()");
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static int is_zero(const struct itimerspec *t)
{
	return !t->it_value.tv_sec && !t->it_value.tv_nsec && !t->it_interval.tv_sec &&
	       !t->it_interval.tv_nsec;
}

static void run(unsigned int n)
{
	struct itimerspec cur, its = { { 2, 0 }, { 10, 0 } }, off = { { 0, 0 }, { 0, 0 } };
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(timerfd_gettime(fd, &cur), "timerfd_gettime() of an unarmed timer");
		TST_EXP_EXPR(is_zero(&cur), "all fields are zero");
		break;
	case 1:
		if (timerfd_settime(fd, 0, &its, NULL))
			tst_brk(TBROK | TERRNO, "timerfd_settime()");
		TST_EXP_PASS(timerfd_gettime(fd, &cur), "timerfd_gettime() of an armed timer");
		TST_EXP_EXPR(cur.it_value.tv_sec <= 10 && (cur.it_value.tv_sec > 0 || cur.it_value.tv_nsec > 0),
			     "0 < time left <= 10 s (%ld.%09ld)", (long)cur.it_value.tv_sec,
			     cur.it_value.tv_nsec);
		TST_EXP_EXPR(cur.it_interval.tv_sec == 2 && cur.it_interval.tv_nsec == 0,
			     "the 2 s interval is reported");
		if (timerfd_settime(fd, 0, &off, NULL))
			tst_brk(TBROK | TERRNO, "timerfd_settime(disarm)");
		TST_EXP_PASS(timerfd_gettime(fd, &cur), "timerfd_gettime() after disarming");
		TST_EXP_EXPR(is_zero(&cur), "all fields are zero again");
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL(timerfd_gettime(p[0], &cur), EINVAL, "timerfd_gettime() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		TST_EXP_FAIL(timerfd_gettime(-1, &cur), EBADF, "timerfd_gettime(-1)");
		TST_EXP_FAIL(timerfd_gettime(fd, tst_get_bad_addr(NULL)), EFAULT,
			     "timerfd_gettime() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
