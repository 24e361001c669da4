/* times(): the return value (clock ticks) grows across a sleep, the
 * process's user+system time grows after burning CPU, a reaped child's CPU
 * time shows up in tms_cutime+tms_cstime; EFAULT for an unmapped buffer
 * (raw syscall: glibc's wrapper is not needed to see it).
 * SYSCALLS: times clock_gettime clock_nanosleep clone wait4 exit_group */
#include <sys/syscall.h>
#include <sys/times.h>
#include <time.h>
#include "tst_test.h"

/* Spins until this process has used at least ms of CPU time. */
static void burn(long ms)
{
	struct timespec t0, t;

	SAFE_CLOCK_GETTIME(CLOCK_PROCESS_CPUTIME_ID, &t0);
	do {
		SAFE_CLOCK_GETTIME(CLOCK_PROCESS_CPUTIME_ID, &t);
	} while ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 < ms);
}

static void run(unsigned int n)
{
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	struct tms a, b;
	clock_t r0, r1;

	switch (n) {
	case 0:
		r0 = times(&a);
		nanosleep(&nap, NULL);
		r1 = times(&b);
		TST_EXP_EXPR(r1 > r0, "the tick count grew across a 50 ms sleep (%ld -> %ld)",
			     (long)r0, (long)r1);
		break;
	case 1:
		times(&a);
		burn(100);
		TST_EXP_POSITIVE(times(&b), "times() after burning 100 ms of CPU");
		TST_EXP_EXPR(b.tms_utime + b.tms_stime > a.tms_utime + a.tms_stime,
			     "utime+stime grew (%ld -> %ld ticks)", (long)(a.tms_utime + a.tms_stime),
			     (long)(b.tms_utime + b.tms_stime));
		break;
	case 2:
		times(&a);
		if (!SAFE_FORK()) {
			burn(100);
			exit(0);
		}
		SAFE_WAIT(NULL);
		times(&b);
		TST_EXP_EXPR(b.tms_cutime + b.tms_cstime > a.tms_cutime + a.tms_cstime,
			     "the reaped child's CPU time is in cutime+cstime (%ld ticks)",
			     (long)(b.tms_cutime + b.tms_cstime));
		break;
	case 3:
		TST_EXP_FAIL2(syscall(__NR_times, tst_get_bad_addr(NULL)), EFAULT,
			      "times() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
};
