/* sched_setattr()/sched_getattr(): SCHED_OTHER with nice 5 is read back
 * with size = the kernel struct size; SCHED_FIFO priority 10 (root) is read
 * back and sched_getscheduler agrees; SCHED_FLAG_RESET_ON_FORK shows up in
 * a forked child as SCHED_OTHER; EINVAL for flags on getattr, for a
 * too-small size, for FIFO priority 0 and an unknown policy; E2BIG for an
 * oversized struct with a non-zero tail.
 * SYSCALLS: sched_setattr sched_getattr sched_getscheduler clone wait4 exit_group geteuid */
#include <sched.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

struct attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t prio;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

#define RESET_ON_FORK 0x01

static long set(struct attr *a, unsigned int flags) { return syscall(__NR_sched_setattr, 0, a, flags); }
static long get(struct attr *a, unsigned int size, unsigned int flags)
{
	return syscall(__NR_sched_getattr, 0, a, size, flags);
}

static void restore(void)
{
	struct attr a = { .size = 48, .policy = SCHED_OTHER };

	set(&a, 0);
}

static void setup(void)
{
	struct attr a;

	tst_syscall(__NR_sched_getattr, 0, &a, 48, 0);
}

static void run(unsigned int n)
{
	struct attr a, b;
	struct { struct attr a; uint64_t tail[4]; } big;
	int status;
	pid_t pid;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.size = 48;
	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			a.policy = SCHED_OTHER;
			a.nice = 5;
			TST_EXP_PASS(set(&a, 0), "sched_setattr(SCHED_OTHER, nice 5)");
			TST_EXP_PASS(get(&b, sizeof(b), 0), "sched_getattr()");
			TST_EXP_EXPR(b.policy == SCHED_OTHER && b.nice == 5 && b.size >= 48,
				     "policy %u nice %d size %u", b.policy, b.nice, b.size);
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 1:
		a.policy = SCHED_FIFO;
		a.prio = 10;
		a.flags = RESET_ON_FORK;
		TST_EXP_PASS(set(&a, 0), "sched_setattr(SCHED_FIFO 10, RESET_ON_FORK)");
		get(&b, sizeof(b), 0);
		TST_EXP_EXPR(b.policy == SCHED_FIFO && b.prio == 10 && (b.flags & RESET_ON_FORK),
			     "FIFO 10 with RESET_ON_FORK read back");
		TST_EXP_EQ_LI(sched_getscheduler(0) & ~SCHED_RESET_ON_FORK, SCHED_FIFO);
		pid = SAFE_FORK();
		if (!pid)
			_exit(sched_getscheduler(0) == SCHED_OTHER ? 0 : 1);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "forked child reset to SCHED_OTHER");
		restore();
		break;
	case 2:
		TST_EXP_FAIL(get(&b, sizeof(b), 1), EINVAL, "sched_getattr() flags 1");
		TST_EXP_FAIL(get(&b, 8, 0), EINVAL, "sched_getattr() size 8");
		a.policy = SCHED_FIFO;
		a.prio = 0;
		TST_EXP_FAIL(set(&a, 0), EINVAL, "SCHED_FIFO priority 0");
		a.policy = 77;
		TST_EXP_FAIL(set(&a, 0), EINVAL, "policy 77");
		memset(&big, 0, sizeof(big));
		big.a.size = sizeof(big);
		big.tail[1] = 1;
		TST_EXP_FAIL(set(&big.a, 0), E2BIG, "oversized attr with a non-zero tail");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = restore,
	.forks_child = 1,
	.needs_root = 1,
};
