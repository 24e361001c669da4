/* swapon()/swapoff() error paths only (enabling swap would change the
 * machine): a file of zeros has no swap signature (EINVAL), swapoff() of a
 * file that is not swap is EINVAL, missing paths are ENOENT, EFAULT, and an
 * unprivileged caller gets EPERM.
 * SYSCALLS: swapon swapoff setuid geteuid */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		TST_EXP_FAIL(syscall(__NR_swapon, "zeros", 0), EINVAL,
			     "swapon() of a file without a swap signature");
		TST_EXP_FAIL(syscall(__NR_swapon, "missing", 0), ENOENT, "swapon() of a missing file");
		TST_EXP_FAIL(syscall(__NR_swapon, tst_get_bad_addr(NULL), 0), EFAULT,
			     "swapon() of an unmapped path");
		TST_EXP_FAIL(syscall(__NR_swapoff, "zeros"), EINVAL, "swapoff() of a file not in use");
		TST_EXP_FAIL(syscall(__NR_swapoff, "missing"), ENOENT, "swapoff() of a missing file");
		break;
	case 1:
		if (!SAFE_FORK()) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_swapon, "zeros", 0), EPERM, "swapon() as uid 65534");
			TST_EXP_FAIL(syscall(__NR_swapoff, "zeros"), EPERM, "swapoff() as uid 65534");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static void setup(void)
{
	errno = 0;
	if (syscall(__NR_swapoff, tst_get_bad_addr(NULL)) && errno == ENOSYS)
		tst_brk(TCONF, "swapon()/swapoff() not supported (no CONFIG_SWAP)");
	if (tst_fill_file("zeros", 0, 4096, 16))
		tst_brk(TBROK | TERRNO, "tst_fill_file()");
	SAFE_CHMOD("zeros", 0600);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
