/* chroot() in a child process: "/" becomes the jail (its files are seen at
 * the top, the outside is not), the old cwd is outside the root so getcwd
 * reports it as "(unreachable)"; ENOENT, ENOTDIR, ELOOP, EFAULT; EPERM for
 * an unprivileged user.
 * SYSCALLS: chroot chdir getcwd faccessat mkdirat symlinkat setuid setgid clone wait4 geteuid */
#include <limits.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void setup(void)
{
	SAFE_MKDIR("jail", 0755);
	SAFE_FILE_PRINTF("jail/marker", "x");
	SAFE_FILE_PRINTF("outside", "x");
	SAFE_SYMLINK("loop1", "loop2");
	SAFE_SYMLINK("loop2", "loop1");
}

static void run(unsigned int n)
{
	char buf[PATH_MAX] = {0};

	if (SAFE_FORK()) {
		tst_reap_children();
		return;
	}
	switch (n) {
	case 0:
		TST_EXP_PASS(chroot("jail"), "chroot(\"jail\")");
		TST_EXP_EXPR(access("/marker", F_OK) == 0, "/marker is the jail's file");
		TST_EXP_EXPR(access("/jail", F_OK) == -1 && access("/outside", F_OK) == -1,
			     "names outside the jail are not reachable from /");
		break;
	case 1:
		TST_EXP_PASS(chroot("jail"), "chroot(\"jail\") without chdir");
		TST_EXP_POSITIVE(syscall(__NR_getcwd, buf, sizeof(buf)), "getcwd() outside the root");
		TST_EXP_EXPR(!strncmp(buf, "(unreachable)", 13), "the cwd is '(unreachable)...' (%s)", buf);
		SAFE_CHDIR("/");
		TST_EXP_POSITIVE(syscall(__NR_getcwd, buf, sizeof(buf)), "getcwd() after chdir(\"/\")");
		TST_EXP_EQ_STR(buf, "/");
		break;
	case 2:
		TST_EXP_FAIL(chroot("missing"), ENOENT, "chroot() of a missing name");
		TST_EXP_FAIL(chroot("outside"), ENOTDIR, "chroot() of a regular file");
		TST_EXP_FAIL(chroot("loop1"), ELOOP, "chroot() of a symlink loop");
		TST_EXP_FAIL(chroot(tst_get_bad_addr(NULL)), EFAULT, "chroot() of an unmapped path");
		break;
	case 3:
		SAFE_SETGID(65534);
		SAFE_SETUID(65534);
		TST_EXP_FAIL(chroot("jail"), EPERM, "chroot() by an unprivileged user");
		break;
	}
	exit(0);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.needs_root = 1,
	.forks_child = 1,
};
