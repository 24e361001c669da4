/* Raw POSIX timer calls: glibc's timer_* wrappers hide kernel timer ids
 * behind their own handles and implement SIGEV_THREAD in user space. */
#ifndef POSIX_TIMER_H
#define POSIX_TIMER_H
#include <sys/syscall.h>
#include <time.h>
#include "lapi/syscalls.h"

typedef int ktimer_t;

static inline long k_timer_create(clockid_t clk, struct sigevent *sev, ktimer_t *id)
{
	return tst_syscall(__NR_timer_create, clk, sev, id);
}

static inline long k_timer_settime(ktimer_t id, int flags, const struct itimerspec *new,
				   struct itimerspec *old)
{
	return tst_syscall(__NR_timer_settime, id, flags, new, old);
}

static inline long k_timer_gettime(ktimer_t id, struct itimerspec *cur)
{
	return tst_syscall(__NR_timer_gettime, id, cur);
}

static inline long k_timer_getoverrun(ktimer_t id)
{
	return tst_syscall(__NR_timer_getoverrun, id);
}

static inline long k_timer_delete(ktimer_t id)
{
	return tst_syscall(__NR_timer_delete, id);
}

/* A timer that queues signo with value val (or nothing for signo 0). */
static inline ktimer_t new_timer(clockid_t clk, int signo, int val)
{
	struct sigevent sev = { 0 };
	ktimer_t id;

	sev.sigev_notify = signo ? SIGEV_SIGNAL : SIGEV_NONE;
	sev.sigev_signo = signo;
	sev.sigev_value.sival_int = val;
	if (k_timer_create(clk, &sev, &id))
		tst_brk(TBROK | TERRNO, "timer_create()");
	return id;
}

/* Blocks signo so that it can be collected with sigtimedwait. */
static inline void block_signal(int signo)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, signo);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		tst_brk(TBROK | TERRNO, "sigprocmask()");
}

static inline int wait_signal(int signo, siginfo_t *si, int secs)
{
	struct timespec ts = { secs, 0 };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, signo);
	return sigtimedwait(&set, si, &ts);
}
#endif
