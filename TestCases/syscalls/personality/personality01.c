/* personality(): 0xffffffff queries without changing; setting
 * ADDR_NO_RANDOMIZE returns the old persona and is read back; the flag is
 * inherited by a forked child; restoring the old persona works; any
 * execution-domain number is stored as given (Linux dropped the domain
 * table) and returned as the old value by the next call.
 * SYSCALLS: personality clone wait4 exit_group */
#include <sys/personality.h>
#include <sys/syscall.h>
#include "tst_test.h"

static unsigned long orig;

static void setup(void)
{
	orig = syscall(__NR_personality, 0xffffffffUL);
}

static void cleanup(void)
{
	syscall(__NR_personality, orig);
}

static void run(unsigned int n)
{
	pid_t pid;
	int status;
	long ret;

	switch (n) {
	case 0:
		TST_EXP_VAL(syscall(__NR_personality, 0xffffffffUL), (long)orig, "personality(0xffffffff) query");
		TST_EXP_VAL(syscall(__NR_personality, 0xffffffffUL), (long)orig, "a second query is unchanged");
		TST_EXP_EQ_LU(orig & PER_MASK, PER_LINUX);
		break;
	case 1:
		TST_EXP_VAL(syscall(__NR_personality, orig | ADDR_NO_RANDOMIZE), (long)orig,
			    "personality(ADDR_NO_RANDOMIZE) returns the old persona");
		ret = syscall(__NR_personality, 0xffffffffUL);
		TST_EXP_EXPR(ret & ADDR_NO_RANDOMIZE, "ADDR_NO_RANDOMIZE read back (0x%lx)", ret);
		pid = SAFE_FORK();
		if (!pid)
			_exit(syscall(__NR_personality, 0xffffffffUL) & ADDR_NO_RANDOMIZE ? 0 : 1);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "forked child inherits the persona");
		syscall(__NR_personality, orig);
		TST_EXP_VAL(syscall(__NR_personality, 0xffffffffUL), (long)orig, "persona restored");
		break;
	case 2:
		TST_EXP_VAL(syscall(__NR_personality, 0x7eUL), (long)orig, "personality(0x7e) returns the old persona");
		TST_EXP_VAL(syscall(__NR_personality, orig), 0x7e, "restoring returns 0x7e as the old persona");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
};
