/* sethostname() and setdomainname() inside a new UTS namespace (a child
 * that unshare()s CLONE_NEWUTS; TCONF when that is refused): uname() shows
 * the new names at once, gethostname() agrees, a name of exactly 64 bytes
 * fits, the parent's namespace keeps its own name; EINVAL for 65 bytes and
 * for a negative length, EFAULT for an unmapped name.
 * SYSCALLS: unshare sethostname setdomainname uname clone wait4 exit_group geteuid */
#include <sched.h>
#include <sys/utsname.h>
#include "tst_test.h"

static struct utsname before;
static volatile size_t minus_one = (size_t)-1;	/* volatile: no compile-time size warning */

static void in_new_namespace(void)
{
	struct utsname u;
	char name[80], got[80];

	if (unshare(CLONE_NEWUTS) == -1) {
		tst_res(TCONF | TERRNO, "unshare(CLONE_NEWUTS) refused");
		return;
	}
	TST_EXP_PASS(sethostname("ferry-uts", 9), "sethostname(\"ferry-uts\")");
	uname(&u);
	TST_EXP_EQ_STR(u.nodename, "ferry-uts");
	TST_EXP_PASS(gethostname(got, sizeof(got)), "gethostname()");
	TST_EXP_EQ_STR(got, "ferry-uts");
	TST_EXP_PASS(setdomainname("ferry.test", 10), "setdomainname(\"ferry.test\")");
	uname(&u);
	TST_EXP_EQ_STR(u.domainname, "ferry.test");

	memset(name, 'h', 64);
	name[64] = 0;
	TST_EXP_PASS(sethostname(name, 64), "sethostname() of 64 bytes");
	uname(&u);
	TST_EXP_EXPR(strlen(u.nodename) == 64 && !memcmp(u.nodename, name, 64), "64-byte name read back");
	TST_EXP_FAIL(sethostname(name, 65), EINVAL, "sethostname() of 65 bytes");
	TST_EXP_FAIL(sethostname(name, minus_one), EINVAL, "sethostname() with length -1");
	TST_EXP_FAIL(setdomainname(name, 65), EINVAL, "setdomainname() of 65 bytes");
	TST_EXP_FAIL(sethostname(tst_get_bad_addr(NULL), 8), EFAULT, "sethostname() of an unmapped name");
}

static void run(void)
{
	struct utsname after;
	pid_t pid;

	uname(&before);
	pid = SAFE_FORK();
	if (!pid) {
		in_new_namespace();
		exit(0);
	}
	tst_reap_children();
	uname(&after);
	TST_EXP_EXPR(!strcmp(before.nodename, after.nodename) && !strcmp(before.domainname, after.domainname),
		     "the parent's UTS namespace kept its names");
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
