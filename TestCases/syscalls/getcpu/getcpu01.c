/* getcpu(): the CPU number is below the configured count and in the
 * affinity mask, the node is 0 on a single-node machine or below the node
 * count; either pointer may be NULL; pinned to a CPU the call reports it;
 * EFAULT for an unmapped pointer.
 * SYSCALLS: getcpu sched_getaffinity sched_setaffinity read */
#include <sched.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	unsigned int cpu = ~0u, node = ~0u;
	cpu_set_t set, orig;
	int target;

	switch (n) {
	case 0:
		TST_EXP_PASS(syscall(__NR_getcpu, &cpu, &node, NULL), "getcpu(&cpu, &node)");
		TST_EXP_EXPR(cpu < (unsigned int)sysconf(_SC_NPROCESSORS_CONF), "cpu %u below the CPU count", cpu);
		TST_EXP_EXPR(node < 1024, "node %u plausible", node);
		TST_EXP_PASS(syscall(__NR_getcpu, NULL, &node, NULL), "getcpu(NULL, &node)");
		TST_EXP_PASS(syscall(__NR_getcpu, &cpu, NULL, NULL), "getcpu(&cpu, NULL)");
		break;
	case 1:
		sched_getaffinity(0, sizeof(orig), &orig);
		for (target = CPU_SETSIZE - 1; target > 0 && !CPU_ISSET(target, &orig); target--)
			;
		CPU_ZERO(&set);
		CPU_SET(target, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			tst_brk(TBROK | TERRNO, "sched_setaffinity()");
		syscall(__NR_getcpu, &cpu, NULL, NULL);
		TST_EXP_EQ_LI(cpu, target);
		sched_setaffinity(0, sizeof(orig), &orig);
		break;
	case 2:
		TST_EXP_FAIL(syscall(__NR_getcpu, tst_get_bad_addr(NULL), NULL, NULL), EFAULT, "getcpu() unmapped cpu");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
