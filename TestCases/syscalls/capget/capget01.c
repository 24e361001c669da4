/* capget()/capset(): version 3 reads the caller's sets (root has
 * CAP_SYS_ADMIN effective); a child drops CAP_CHOWN from its effective
 * and permitted sets and then chown() fails EPERM while raising it back is
 * EPERM too; an unknown version is EINVAL and the kernel writes its
 * preferred version back; EFAULT for an unmapped header.
 * SYSCALLS: capget capset fchownat openat close clone wait4 exit_group geteuid utimensat */
#include <linux/capability.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void get(struct __user_cap_data_struct *d)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };

	if (syscall(__NR_capget, &h, d))
		tst_brk(TBROK | TERRNO, "capget()");
}

static void run(unsigned int n)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		memset(d, 0, sizeof(d));
		TST_EXP_PASS(syscall(__NR_capget, &h, d), "capget(v3, self)");
		TST_EXP_EXPR(d[0].effective & (1u << CAP_SYS_ADMIN), "root has CAP_SYS_ADMIN effective");
		h.pid = getpid();
		TST_EXP_PASS(syscall(__NR_capget, &h, d), "capget() by pid");
		break;
	case 1:
		SAFE_TOUCH("file", 0644, NULL);
		pid = SAFE_FORK();
		if (!pid) {
			get(d);
			d[0].effective &= ~(1u << CAP_CHOWN);
			d[0].permitted &= ~(1u << CAP_CHOWN);
			TST_EXP_PASS(syscall(__NR_capset, &h, d), "capset() dropping CAP_CHOWN");
			TST_EXP_FAIL(chown("file", 1234, -1), EPERM, "chown() without CAP_CHOWN");
			d[0].effective |= 1u << CAP_CHOWN;
			d[0].permitted |= 1u << CAP_CHOWN;
			TST_EXP_FAIL(syscall(__NR_capset, &h, d), EPERM, "capset() raising a dropped capability");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 2:
		h.version = 0x12345678;
		TST_EXP_FAIL(syscall(__NR_capget, &h, d), EINVAL, "capget() unknown version");
		TST_EXP_EXPR(h.version == _LINUX_CAPABILITY_VERSION_3, "kernel wrote back its version 0x%x",
			     h.version);
		TST_EXP_FAIL(syscall(__NR_capget, tst_get_bad_addr(NULL), d), EFAULT, "capget() unmapped header");
		h.version = _LINUX_CAPABILITY_VERSION_3;
		h.pid = 0x3ffffff0;
		TST_EXP_FAIL(syscall(__NR_capget, &h, d), ESRCH, "capget() of a missing pid");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
