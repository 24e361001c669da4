/* uname(): sysname is "Linux", machine names the architecture the test
 * was built for, release matches /proc/sys/kernel/osrelease; EFAULT.
 * SYSCALLS: uname openat read */
#include <sys/utsname.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	struct utsname u;
	char rel[128] = "";
	const char *want = tst_arch_name;

	TST_EXP_PASS(uname(&u), "uname()");
	TST_EXP_EQ_STR(u.sysname, "Linux");
	if (!strcmp(want, "arm"))
		TST_EXP_EXPR(!strncmp(u.machine, "arm", 3) || !strcmp(u.machine, "aarch64"),
			     "machine '%s' suits an arm build", u.machine);
	else if (!strcmp(want, "mips"))
		TST_EXP_EXPR(!strncmp(u.machine, "mips", 4), "machine '%s' suits a mips build", u.machine);
	else
		TST_EXP_EQ_STR(u.machine, want);
	SAFE_FILE_SCANF("/proc/sys/kernel/osrelease", "%127s", rel);
	TST_EXP_EQ_STR(u.release, rel);
	TST_EXP_FAIL(syscall(SYS_uname, tst_get_bad_addr(NULL)), EFAULT, "uname() into an unmapped buffer");
}

static struct tst_test test = {
	.test_all = run,
};
