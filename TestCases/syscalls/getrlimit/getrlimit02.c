/* The raw getrlimit syscall, where the architecture has one (x86_64 and
 * aarch64 do; riscv64 only has prlimit64: TCONF there): it returns what
 * prlimit64 reports for RLIMIT_NOFILE and RLIMIT_STACK. Errors: EINVAL
 * (unknown resource), EFAULT.
 * SYSCALLS: getrlimit prlimit64 */
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
#ifdef __NR_getrlimit
	static const int res[] = { RLIMIT_NOFILE, RLIMIT_STACK };
	struct rlimit raw, pr;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(res); i++) {
		TST_EXP_PASS(syscall(__NR_getrlimit, res[i], &raw), "getrlimit(%d)", res[i]);
		TST_EXP_PASS(syscall(__NR_prlimit64, 0, res[i], NULL, &pr), "prlimit64(%d)", res[i]);
		TST_EXP_EXPR(raw.rlim_cur == pr.rlim_cur && raw.rlim_max == pr.rlim_max,
			     "getrlimit(%d) and prlimit64 agree", res[i]);
	}
	TST_EXP_FAIL(syscall(__NR_getrlimit, 1000, &raw), EINVAL, "getrlimit() of an unknown resource");
	TST_EXP_FAIL(syscall(__NR_getrlimit, RLIMIT_NOFILE, tst_get_bad_addr(NULL)), EFAULT,
		     "getrlimit() into an unmapped buffer");
#else
	tst_brk(TCONF, "%s has no getrlimit syscall (only prlimit64)", tst_arch_name);
#endif
}

static struct tst_test test = {
	.test_all = run,
};
