/* sigaltstack(): a SA_ONSTACK handler runs on the alternate stack and sees
 * SS_ONSTACK from inside; the old stack is returned; SS_DISABLE turns it
 * off; EINVAL for unknown ss_flags, ENOMEM for a stack below MINSIGSTKSZ,
 * EPERM when changing the stack while running on it, EFAULT.
 * SYSCALLS: sigaltstack rt_sigaction tgkill getpid gettid */
#include "tst_test.h"

static char *altstack;
static size_t altsize = 65536;
static volatile uintptr_t handler_sp;
static volatile int handler_flags, change_err;

static void handler(int sig)
{
	stack_t cur, other;
	char local;

	handler_sp = (uintptr_t)&local;
	sigaltstack(NULL, &cur);
	handler_flags = cur.ss_flags;
	other = (stack_t){ .ss_sp = altstack, .ss_size = altsize };
	change_err = sigaltstack(&other, NULL) == -1 ? errno : 0;
}

static void setup(void)
{
	altstack = SAFE_MALLOC(altsize);
}

static void run(unsigned int n)
{
	stack_t ss, old;
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_ONSTACK };

	switch (n) {
	case 0:
		ss = (stack_t){ .ss_sp = altstack, .ss_size = altsize };
		TST_EXP_PASS(sigaltstack(&ss, NULL), "sigaltstack() install");
		SAFE_SIGACTION(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		TST_EXP_EXPR(handler_sp >= (uintptr_t)altstack && handler_sp < (uintptr_t)altstack + altsize,
			     "SA_ONSTACK handler ran on the alternate stack");
		TST_EXP_EXPR(handler_flags & SS_ONSTACK, "SS_ONSTACK seen inside the handler");
		TST_EXP_EQ_LI(change_err, EPERM);
		TST_EXP_PASS(sigaltstack(NULL, &old), "sigaltstack() query");
		TST_EXP_EXPR(old.ss_sp == altstack && old.ss_size == altsize && !(old.ss_flags & SS_ONSTACK),
			     "query returns the installed stack, not on it");
		ss.ss_flags = SS_DISABLE;
		TST_EXP_PASS(sigaltstack(&ss, NULL), "sigaltstack(SS_DISABLE)");
		sigaltstack(NULL, &old);
		TST_EXP_EXPR(old.ss_flags & SS_DISABLE, "SS_DISABLE read back");
		break;
	case 1:
		ss = (stack_t){ .ss_sp = altstack, .ss_size = altsize, .ss_flags = 0x1234 };
		TST_EXP_FAIL(sigaltstack(&ss, NULL), EINVAL, "sigaltstack() with ss_flags 0x1234");
		ss = (stack_t){ .ss_sp = altstack, .ss_size = 64 };
		TST_EXP_FAIL(sigaltstack(&ss, NULL), ENOMEM, "sigaltstack() with a 64-byte stack");
		TST_EXP_FAIL(sigaltstack(tst_get_bad_addr(NULL), NULL), EFAULT, "sigaltstack() unmapped ss");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
};
