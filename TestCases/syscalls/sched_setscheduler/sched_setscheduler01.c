/* sched_setscheduler() family: SCHED_RR priority 5 set on a child is seen
 * by sched_getscheduler/sched_getparam; sched_setparam changes the
 * priority; priority ranges are 1..99 for FIFO/RR and 0..0 for OTHER;
 * sched_rr_get_interval returns a positive quantum for an RR task; EINVAL
 * for priority 100, a negative pid, an unknown policy; ESRCH for a missing
 * pid; EPERM for an unprivileged child asking for SCHED_FIFO. The same
 * EINVAL/ESRCH rules for sched_getparam, sched_setparam,
 * sched_rr_get_interval and sched_get_priority_min.
 * SYSCALLS: sched_setscheduler sched_getscheduler sched_getparam sched_setparam sched_get_priority_max sched_get_priority_min sched_rr_get_interval setuid clone wait4 exit_group geteuid futex */
#include <sched.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct sched_param p = { .sched_priority = 5 }, q;
	struct timespec ts;
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(0);
		}
		TST_EXP_PASS(sched_setscheduler(pid, SCHED_RR, &p), "sched_setscheduler(child, SCHED_RR 5)");
		TST_EXP_VAL(sched_getscheduler(pid), SCHED_RR, "sched_getscheduler()");
		TST_EXP_PASS(sched_getparam(pid, &q), "sched_getparam()");
		TST_EXP_EQ_LI(q.sched_priority, 5);
		p.sched_priority = 9;
		TST_EXP_PASS(sched_setparam(pid, &p), "sched_setparam(9)");
		sched_getparam(pid, &q);
		TST_EXP_EQ_LI(q.sched_priority, 9);
		TST_EXP_PASS(sched_rr_get_interval(pid, &ts), "sched_rr_get_interval()");
		TST_EXP_EXPR(ts.tv_sec > 0 || ts.tv_nsec > 0, "RR quantum %ld ns", ts.tv_nsec);
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 1:
		TST_EXP_VAL(sched_get_priority_max(SCHED_FIFO), 99, "max FIFO priority");
		TST_EXP_VAL(sched_get_priority_min(SCHED_RR), 1, "min RR priority");
		TST_EXP_VAL(sched_get_priority_max(SCHED_OTHER), 0, "max OTHER priority");
		TST_EXP_FAIL(sched_get_priority_max(77), EINVAL, "max priority of policy 77");
		TST_EXP_FAIL(sched_get_priority_min(77), EINVAL, "min priority of policy 77");
		break;
	case 2:
		p.sched_priority = 100;
		TST_EXP_FAIL(sched_setscheduler(0, SCHED_FIFO, &p), EINVAL, "SCHED_FIFO priority 100");
		p.sched_priority = 1;
		TST_EXP_FAIL(sched_setscheduler(-1, SCHED_FIFO, &p), EINVAL, "negative pid");
		TST_EXP_FAIL(sched_setscheduler(0, 77, &p), EINVAL, "policy 77");
		TST_EXP_FAIL(sched_getscheduler(0x3ffffff0), ESRCH, "missing pid");
		TST_EXP_FAIL(sched_getparam(-1, &p), EINVAL, "sched_getparam() of a negative pid");
		TST_EXP_FAIL(sched_getparam(0x3ffffff0, &p), ESRCH, "sched_getparam() of a missing pid");
		TST_EXP_FAIL(sched_setparam(-1, &p), EINVAL, "sched_setparam() of a negative pid");
		TST_EXP_FAIL(sched_setparam(0x3ffffff0, &p), ESRCH, "sched_setparam() of a missing pid");
		TST_EXP_FAIL(sched_rr_get_interval(-1, &ts), EINVAL, "sched_rr_get_interval() of a negative pid");
		TST_EXP_FAIL(sched_rr_get_interval(0x3ffffff0, &ts), ESRCH,
			     "sched_rr_get_interval() of a missing pid");
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(sched_setscheduler(0, SCHED_FIFO, &p), EPERM, "unprivileged SCHED_FIFO");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
	.needs_root = 1,
};
