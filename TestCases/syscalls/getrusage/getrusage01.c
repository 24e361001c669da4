/* getrusage(): RUSAGE_SELF user time grows with a busy loop, maxrss is
 * non-zero; RUSAGE_CHILDREN stays as it was until a busy child is reaped
 * and then includes it; RUSAGE_THREAD works; EINVAL for who 99, EFAULT.
 * SYSCALLS: getrusage clone wait4 exit_group read clock_nanosleep */
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tst_test.h"

static long usec(struct timeval *t) { return t->tv_sec * 1000000L + t->tv_usec; }

static void burn(void)
{
	struct rusage r;

	getrusage(RUSAGE_SELF, &r);
	long start = usec(&r.ru_utime) + usec(&r.ru_stime);

	/* Spin until at least 20 ms of CPU time were charged. */
	do {
		for (volatile int i = 0; i < 100000; i++)
			;
		getrusage(RUSAGE_SELF, &r);
	} while (usec(&r.ru_utime) + usec(&r.ru_stime) - start < 20000);
}

static void run(unsigned int n)
{
	struct rusage a, b;
	pid_t pid;

	switch (n) {
	case 0:
		TST_EXP_PASS(getrusage(RUSAGE_SELF, &a), "getrusage(RUSAGE_SELF)");
		burn();
		getrusage(RUSAGE_SELF, &b);
		TST_EXP_EXPR(usec(&b.ru_utime) + usec(&b.ru_stime) >= usec(&a.ru_utime) + usec(&a.ru_stime) + 20000,
			     "CPU time grew by >= 20 ms");
		TST_EXP_EXPR(b.ru_maxrss > 0, "ru_maxrss %ld kB", b.ru_maxrss);
		TST_EXP_PASS(getrusage(RUSAGE_THREAD, &b), "getrusage(RUSAGE_THREAD)");
		break;
	case 1:
		getrusage(RUSAGE_CHILDREN, &a);
		pid = SAFE_FORK();
		if (!pid) {
			burn();
			_exit(0);
		}
		TST_PROCESS_STATE_WAIT(pid, 'Z', 0);
		getrusage(RUSAGE_CHILDREN, &b);
		TST_EXP_EXPR(usec(&b.ru_utime) + usec(&b.ru_stime) == usec(&a.ru_utime) + usec(&a.ru_stime),
			     "an unreaped child is not counted");
		SAFE_WAITPID(pid, NULL, 0);
		getrusage(RUSAGE_CHILDREN, &b);
		TST_EXP_EXPR(usec(&b.ru_utime) + usec(&b.ru_stime) >= usec(&a.ru_utime) + usec(&a.ru_stime) + 20000,
			     "the reaped child's >= 20 ms are counted");
		break;
	case 2:
		TST_EXP_FAIL(getrusage(99, &a), EINVAL, "getrusage(99)");
		TST_EXP_FAIL(syscall(__NR_getrusage, RUSAGE_SELF, tst_get_bad_addr(NULL)), EFAULT,
			     "getrusage() into unmapped memory");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
};
