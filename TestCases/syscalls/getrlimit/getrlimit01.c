/* getrlimit(), setrlimit(), prlimit(): lowering a soft limit is seen by
 * getrlimit and enforced (RLIMIT_NOFILE), prlimit returns the old value;
 * EINVAL for soft > hard and an unknown resource; EFAULT. glibc's
 * getrlimit()/setrlimit() are prlimit64 on aarch64 and riscv64, so the
 * setrlimit and getrlimit syscalls are also called raw.
 * SYSCALLS: prlimit64 dup3 setrlimit getrlimit */
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct rlimit orig, rl, old;

	SAFE_GETRLIMIT(RLIMIT_NOFILE, &orig);
	switch (n) {
	case 0:
		rl.rlim_cur = 64;
		rl.rlim_max = orig.rlim_max;
		TST_EXP_PASS(setrlimit(RLIMIT_NOFILE, &rl), "setrlimit(RLIMIT_NOFILE, 64)");
		TST_EXP_PASS(getrlimit(RLIMIT_NOFILE, &rl), "getrlimit(RLIMIT_NOFILE)");
		TST_EXP_EQ_LU(rl.rlim_cur, 64);
		TST_EXP_FAIL2(dup2(0, 64), EBADF, "dup2() onto fd 64 with a limit of 64");
		rl.rlim_cur = 80;
		TST_EXP_PASS(syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl), "raw setrlimit(RLIMIT_NOFILE, 80)");
		TST_EXP_PASS(syscall(SYS_getrlimit, RLIMIT_NOFILE, &old), "raw getrlimit(RLIMIT_NOFILE)");
		TST_EXP_EQ_LU(old.rlim_cur, 80);
		break;
	case 1:
		rl.rlim_cur = 100;
		rl.rlim_max = orig.rlim_max;
		TST_EXP_PASS(prlimit(0, RLIMIT_NOFILE, &rl, &old), "prlimit() set and get");
		TST_EXP_EQ_LU(old.rlim_cur, orig.rlim_cur);
		break;
	case 2:
		rl.rlim_cur = orig.rlim_max == RLIM_INFINITY ? RLIM_INFINITY : orig.rlim_max + 1;
		rl.rlim_max = 10;
		TST_EXP_FAIL(setrlimit(RLIMIT_NOFILE, &rl), EINVAL, "setrlimit() with soft > hard");
		TST_EXP_FAIL(syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl), EINVAL, "raw setrlimit() with soft > hard");
		TST_EXP_FAIL(syscall(SYS_setrlimit, 1000, &orig), EINVAL, "raw setrlimit() of an unknown resource");
		TST_EXP_FAIL(syscall(SYS_getrlimit, 1000, &old), EINVAL, "raw getrlimit() of an unknown resource");
		TST_EXP_FAIL(syscall(SYS_setrlimit, RLIMIT_NOFILE, tst_get_bad_addr(NULL)), EFAULT,
			     "raw setrlimit() from an unmapped buffer");
		TST_EXP_FAIL(syscall(SYS_prlimit64, 0, 1000, NULL, &rl), EINVAL,
			     "prlimit() of an unknown resource");
		TST_EXP_FAIL(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, tst_get_bad_addr(NULL)),
			     EFAULT, "prlimit() into an unmapped buffer");
		break;
	}
	SAFE_SETRLIMIT(RLIMIT_NOFILE, &orig);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
