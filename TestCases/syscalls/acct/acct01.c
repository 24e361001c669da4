/* acct(): process accounting is per PID namespace, so the success path runs
 * as init of a new one (unshare(CLONE_NEWPID), then fork) and never touches
 * the machine's accounting: acct(file) starts it, an exiting child writes a
 * record, acct(NULL) stops it. Errors: ENOENT, EISDIR, EACCES (a device),
 * EFAULT, EPERM (unprivileged).
 * SYSCALLS: acct unshare setuid geteuid utimensat */
#include <sched.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct stat st;
	pid_t pid;

	switch (n) {
	case 0:
		if (!SAFE_FORK()) {
			if (unshare(CLONE_NEWPID))
				tst_brk(TCONF | TERRNO, "unshare(CLONE_NEWPID) refused");
			pid = SAFE_FORK();
			if (!pid) {
				TST_EXP_PASS(syscall(__NR_acct, "acct_file"), "acct(acct_file)");
				if (!TST_PASS)
					exit(0);
				if (!SAFE_FORK())
					_exit(0);
				SAFE_WAIT(NULL);
				TST_EXP_PASS(syscall(__NR_acct, NULL), "acct(NULL)");
				SAFE_STAT("acct_file", &st);
				TST_EXP_EXPR(st.st_size > 0, "an exiting child wrote a record (%ld bytes)",
					     (long)st.st_size);
				exit(0);
			}
			tst_reap_children();
			exit(0);
		}
		tst_reap_children();
		break;
	case 1:
		TST_EXP_FAIL(syscall(__NR_acct, "missing_dir/file"), ENOENT, "acct() of a missing path");
		TST_EXP_FAIL(syscall(__NR_acct, "."), EISDIR, "acct() of a directory");
		TST_EXP_FAIL(syscall(__NR_acct, "/dev/null"), EACCES, "acct() of a character device");
		TST_EXP_FAIL(syscall(__NR_acct, tst_get_bad_addr(NULL)), EFAULT,
			     "acct() of an unmapped path");
		if (!SAFE_FORK()) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_acct, "acct_file"), EPERM, "acct() as uid 65534");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static void setup(void)
{
	errno = 0;
	if (syscall(__NR_acct, tst_get_bad_addr(NULL)) && errno == ENOSYS)
		tst_brk(TCONF, "acct() not supported (no CONFIG_BSD_PROCESS_ACCT)");
	SAFE_TOUCH("acct_file", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
