/* getitimer(): all three timers read zero when unarmed; an armed
 * ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF reports time left within what
 * was set and its interval, and zero again once disarmed; EINVAL for an
 * unknown timer, EFAULT for an unmapped buffer.
 * SYSCALLS: getitimer setitimer */
#include <sys/syscall.h>
#include <sys/time.h>
#include "tst_test.h"

static const struct { int which; const char *name; } timers[] = {
	{ ITIMER_REAL, "ITIMER_REAL" },
	{ ITIMER_VIRTUAL, "ITIMER_VIRTUAL" },
	{ ITIMER_PROF, "ITIMER_PROF" },
};

static void run(unsigned int n)
{
	struct itimerval set = { { 1, 0 }, { 100, 0 } }, off = { { 0, 0 }, { 0, 0 } }, cur;
	int w = timers[n % 3].which;
	const char *name = timers[n % 3].name;

	if (n == 3) {
		TST_EXP_FAIL(syscall(__NR_getitimer, 99, &cur), EINVAL, "getitimer(99)");
		TST_EXP_FAIL(syscall(__NR_getitimer, ITIMER_REAL, tst_get_bad_addr(NULL)), EFAULT,
			     "getitimer() into an unmapped buffer");
		return;
	}
	TST_EXP_PASS(getitimer(w, &cur), "getitimer(%s) unarmed", name);
	TST_EXP_EXPR(!cur.it_value.tv_sec && !cur.it_value.tv_usec && !cur.it_interval.tv_sec,
		     "%s reads zero", name);
	if (setitimer(w, &set, NULL))
		tst_brk(TBROK | TERRNO, "setitimer(%s)", name);
	TST_EXP_PASS(getitimer(w, &cur), "getitimer(%s) armed", name);
	TST_EXP_EXPR(cur.it_value.tv_sec <= 100 && cur.it_value.tv_sec >= 90 &&
		     cur.it_interval.tv_sec == 1 && cur.it_interval.tv_usec == 0,
		     "%s: about 100 s left (%ld) and a 1 s interval", name, (long)cur.it_value.tv_sec);
	setitimer(w, &off, NULL);
	getitimer(w, &cur);
	TST_EXP_EXPR(!cur.it_value.tv_sec && !cur.it_value.tv_usec, "%s reads zero after disarming", name);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
