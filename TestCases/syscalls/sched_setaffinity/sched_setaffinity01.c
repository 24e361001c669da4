/* sched_getaffinity()/sched_setaffinity(): the current mask contains the
 * CPU getcpu() reports; pinning to one allowed CPU is read back and the
 * thread then runs there; the raw get returns the kernel mask size;
 * EINVAL for an empty mask and for a size too small for the kernel's
 * mask, ESRCH for a missing pid, EFAULT.
 * SYSCALLS: sched_getaffinity sched_setaffinity getcpu sched_yield */
#include <sched.h>
#include <sys/syscall.h>
#include "tst_test.h"

static cpu_set_t orig;

static void setup(void)
{
	if (sched_getaffinity(0, sizeof(orig), &orig))
		tst_brk(TBROK | TERRNO, "sched_getaffinity()");
}

static void cleanup(void)
{
	sched_setaffinity(0, sizeof(orig), &orig);
}

static void run(unsigned int n)
{
	cpu_set_t set;
	unsigned int cpu = 0, target = 0;
	long ret;
	char small[1];

	switch (n) {
	case 0:
		TST_EXP_PASS(sched_getaffinity(0, sizeof(set), &set), "sched_getaffinity(0)");
		TST_EXP_PASS(syscall(__NR_getcpu, &cpu, NULL, NULL), "getcpu()");
		TST_EXP_EXPR(CPU_ISSET(cpu, &set), "current CPU %u is in the mask", cpu);
		ret = syscall(__NR_sched_getaffinity, 0, sizeof(set), &set);
		TST_EXP_EXPR(ret > 0 && ret % sizeof(long) == 0, "raw call returns mask size %ld", ret);
		break;
	case 1:
		while (target < CPU_SETSIZE && !CPU_ISSET(target, &orig))
			target++;
		CPU_ZERO(&set);
		CPU_SET(target, &set);
		TST_EXP_PASS(sched_setaffinity(0, sizeof(set), &set), "pin to CPU %u", target);
		sched_yield();
		syscall(__NR_getcpu, &cpu, NULL, NULL);
		TST_EXP_EQ_LI(cpu, target);
		CPU_ZERO(&set);
		sched_getaffinity(0, sizeof(set), &set);
		TST_EXP_EXPR(CPU_COUNT(&set) == 1 && CPU_ISSET(target, &set), "one-CPU mask read back");
		sched_setaffinity(0, sizeof(orig), &orig);
		break;
	case 2:
		CPU_ZERO(&set);
		TST_EXP_FAIL(sched_setaffinity(0, sizeof(set), &set), EINVAL, "sched_setaffinity() empty mask");
		TST_EXP_FAIL(syscall(__NR_sched_getaffinity, 0, sizeof(small), small), EINVAL,
			     "sched_getaffinity() into 1 byte");
		TST_EXP_FAIL(sched_getaffinity(0x3ffffff0, sizeof(set), &set), ESRCH, "missing pid");
		TST_EXP_FAIL(syscall(__NR_sched_getaffinity, 0, sizeof(set), tst_get_bad_addr(NULL)), EFAULT,
			     "unmapped mask");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
