/* sysinfo(): uptime, memory and process counts are plausible and agree
 * with /proc/uptime; EFAULT for an unmapped buffer.
 * SYSCALLS: sysinfo openat read */
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	struct sysinfo si;
	double up = 0;

	TST_EXP_PASS(sysinfo(&si), "sysinfo()");
	TST_EXP_EXPR(si.totalram > 0 && si.freeram <= si.totalram, "freeram <= totalram, totalram > 0");
	TST_EXP_EXPR(si.procs > 0, "procs > 0 (%u)", (unsigned int)si.procs);
	TST_EXP_EXPR(si.mem_unit >= 1, "mem_unit >= 1");
	SAFE_FILE_SCANF("/proc/uptime", "%lf", &up);
	TST_EXP_EXPR(si.uptime >= (long)up - 2 && si.uptime <= (long)up + 2,
		     "uptime %ld agrees with /proc/uptime %.0f", si.uptime, up);
	TST_EXP_FAIL(syscall(SYS_sysinfo, tst_get_bad_addr(NULL)), EFAULT, "sysinfo() into an unmapped buffer");
}

static struct tst_test test = {
	.test_all = run,
};
