/* ioprio_set()/ioprio_get() on the calling process: setting best-effort
 * level 4 reads back as set; the process-group and user scopes answer too.
 * Errors: EINVAL (unknown "which", unknown class, class NONE with a level), ESRCH
 * (no such pid).
 * SYSCALLS: ioprio_get ioprio_set getuid */
#include <sys/syscall.h>
#include "tst_test.h"

/* From the kernel's uapi ioprio.h. */
#define F_CLASS_SHIFT 13
#define F_VALUE(cls, lvl) (((cls) << F_CLASS_SHIFT) | (lvl))
#define F_CLASS_BE 2
#define F_WHO_PROCESS 1
#define F_WHO_PGRP 2
#define F_WHO_USER 3
#define DEAD_PID 0x3ffffff0

static long orig;

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		TST_EXP_PASS(syscall(__NR_ioprio_set, F_WHO_PROCESS, 0, F_VALUE(F_CLASS_BE, 4)),
			     "ioprio_set(PROCESS, BE/4)");
		TST_EXP_VAL(syscall(__NR_ioprio_get, F_WHO_PROCESS, 0), F_VALUE(F_CLASS_BE, 4),
			    "ioprio_get(PROCESS) reads back BE/4");
		TST_EXP_PASS(syscall(__NR_ioprio_set, F_WHO_PROCESS, getpid(), F_VALUE(F_CLASS_BE, 6)),
			     "ioprio_set(PROCESS, own pid, BE/6)");
		TST_EXP_VAL(syscall(__NR_ioprio_get, F_WHO_PROCESS, getpid()), F_VALUE(F_CLASS_BE, 6),
			    "ioprio_get(PROCESS, own pid) reads back BE/6");
		TST_EXP_POSITIVE(syscall(__NR_ioprio_get, F_WHO_PGRP, 0), "ioprio_get(PGRP)");
		TST_EXP_POSITIVE(syscall(__NR_ioprio_get, F_WHO_USER, getuid()), "ioprio_get(USER)");
		break;
	case 1:
		TST_EXP_FAIL(syscall(__NR_ioprio_get, 99, 0), EINVAL, "ioprio_get() of an unknown which");
		TST_EXP_FAIL(syscall(__NR_ioprio_set, 99, 0, F_VALUE(F_CLASS_BE, 4)), EINVAL,
			     "ioprio_set() of an unknown which");
		TST_EXP_FAIL(syscall(__NR_ioprio_set, F_WHO_PROCESS, 0, F_VALUE(7, 0)), EINVAL,
			     "ioprio_set() of an unknown class");
		TST_EXP_FAIL(syscall(__NR_ioprio_set, F_WHO_PROCESS, 0, F_VALUE(0, 4)), EINVAL,
			     "ioprio_set() of class NONE with a level");
		TST_EXP_FAIL(syscall(__NR_ioprio_get, F_WHO_PROCESS, DEAD_PID), ESRCH,
			     "ioprio_get() of a missing pid");
		TST_EXP_FAIL(syscall(__NR_ioprio_set, F_WHO_PROCESS, DEAD_PID, F_VALUE(F_CLASS_BE, 4)),
			     ESRCH, "ioprio_set() of a missing pid");
		break;
	}
}

static void setup(void)
{
	orig = syscall(__NR_ioprio_get, F_WHO_PROCESS, 0);
}

static void cleanup(void)
{
	if (orig >= 0)
		syscall(__NR_ioprio_set, F_WHO_PROCESS, 0, orig);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
