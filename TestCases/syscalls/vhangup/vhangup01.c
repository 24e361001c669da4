/* vhangup(): as root in a child that has no controlling terminal (after
 * setsid()) it succeeds and hangs up nothing; an unprivileged child gets
 * EPERM. Never run with a terminal: it would hang up the caller's tty.
 * SYSCALLS: vhangup setsid setuid geteuid */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	if (!SAFE_FORK()) {
		if (setsid() < 0)
			tst_brk(TBROK | TERRNO, "setsid()");
		if (n == 0) {
			TST_EXP_PASS(syscall(__NR_vhangup), "vhangup() as root without a tty");
		} else {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_vhangup), EPERM, "vhangup() as uid 65534");
		}
		exit(0);
	}
	tst_reap_children();
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.needs_root = 1,
	.forks_child = 1,
};
