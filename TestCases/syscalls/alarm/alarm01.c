/* alarm(): returns the seconds left on the previous alarm (0 if none),
 * alarm(0) cancels (ITIMER_REAL reads zero), and an expiring alarm queues
 * SIGALRM. On arches without an alarm syscall libc uses setitimer.
 * SYSCALLS: setitimer getitimer rt_sigprocmask rt_sigtimedwait */
#include <sys/time.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct itimerval cur;
	struct timespec ts = { 5, 0 };
	sigset_t set;
	unsigned int left;

	switch (n) {
	case 0:
		TST_EXP_VAL(alarm(30), 0, "alarm(30) with no alarm pending");
		left = alarm(20);
		TST_EXP_EXPR(left == 30 || left == 29, "alarm(20) returned the ~30 s left (%u)", left);
		left = alarm(0);
		TST_EXP_EXPR(left == 20 || left == 19, "alarm(0) returned the ~20 s left (%u)", left);
		getitimer(ITIMER_REAL, &cur);
		TST_EXP_EXPR(!cur.it_value.tv_sec && !cur.it_value.tv_usec, "no alarm remains armed");
		break;
	case 1:
		SAFE_SIGEMPTYSET(&set);
		SAFE_SIGADDSET(&set, SIGALRM);
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
		alarm(1);
		TST_EXP_VAL(sigtimedwait(&set, NULL, &ts), SIGALRM, "alarm(1) queued SIGALRM");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
