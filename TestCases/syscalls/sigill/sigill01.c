/* SIGILL from an undefined instruction (x86-64 ud2, AArch64 udf #0): the
 * handler sees SIGILL with the architecture's si_code (ILL_ILLOPN for ud2,
 * ILL_ILLOPC for udf) and si_addr equal to the saved pc, which points at the
 * instruction; a child with no handler, with SIGILL ignored or blocked, is
 * killed by SIGILL. __builtin_trap() kills with the architecture's natural
 * signal: SIGILL on x86-64 (ud2), SIGTRAP on AArch64 and riscv64 (a
 * breakpoint instruction). Other architectures: TCONF for the arch cases.
 * SYSCALLS: rt_sigaction rt_sigprocmask clone wait4 prlimit64 */
#include <setjmp.h>
#include <sys/resource.h>
#include <ucontext.h>
#include "tst_test.h"

static sigjmp_buf env;
static volatile int got_sig, got_code, pc_ok;
static void *volatile got_addr;
static volatile uintptr_t got_pc;

#if defined(__x86_64__)
# define HAVE_UNDEF 1
# define EXPECT_ILL_CODE ILL_ILLOPN
static void undefined_insn(void) { __asm__ volatile("ud2"); }
static uintptr_t saved_pc(ucontext_t *uc) { return uc->uc_mcontext.gregs[REG_RIP]; }
static int is_undef(uintptr_t pc) { return ((unsigned char *)pc)[0] == 0x0f && ((unsigned char *)pc)[1] == 0x0b; }
#elif defined(__aarch64__)
# define HAVE_UNDEF 1
# define EXPECT_ILL_CODE ILL_ILLOPC
static void undefined_insn(void) { __asm__ volatile("udf #0"); }
static uintptr_t saved_pc(ucontext_t *uc) { return uc->uc_mcontext.pc; }
static int is_undef(uintptr_t pc) { return *(uint32_t *)pc == 0; }
#else
# define HAVE_UNDEF 0
#endif

#if HAVE_UNDEF
static void handler(int sig, siginfo_t *si, void *uc)
{
	got_sig = si->si_signo;
	got_code = si->si_code;
	got_addr = si->si_addr;
	got_pc = saved_pc(uc);
	pc_ok = is_undef(got_pc);
	siglongjmp(env, 1);
}
#endif

/* Forks a child that runs fn with SIGILL/SIGTRAP set up as mode says;
 * returns the wait status. */
static int child_status(void (*fn)(void), int mode)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;
	int status;
	pid_t pid = SAFE_FORK();

	if (!pid) {
		setrlimit(RLIMIT_CORE, &no_core);
		if (mode == 1) {
			signal(SIGILL, SIG_IGN);
		} else if (mode == 2) {
			sigemptyset(&set);
			sigaddset(&set, SIGILL);
			sigprocmask(SIG_BLOCK, &set, NULL);
		}
		fn();
		_exit(1);
	}
	SAFE_WAITPID(pid, &status, 0);
	return status;
}

static void trap(void)
{
	__builtin_trap();
}

static void run(unsigned int n)
{
#if HAVE_UNDEF
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
	static const char *const how[] = { "no handler", "SIGILL ignored", "SIGILL blocked" };
	int status, natural;

	switch (n) {
	case 0:
		SAFE_SIGACTION(SIGILL, &sa, NULL);
		if (sigsetjmp(env, 1) == 0) {
			undefined_insn();
			tst_res(TFAIL, "undefined instruction did not trap");
			break;
		}
		TST_EXP_EQ_LI(got_sig, SIGILL);
		TST_EXP_EQ_LI(got_code, EXPECT_ILL_CODE);
		TST_EXP_EXPR(got_addr == (void *)got_pc, "si_addr is the saved pc");
		TST_EXP_EXPR(pc_ok, "the saved pc points at the undefined instruction");
		SAFE_SIGNAL(SIGILL, SIG_DFL);
		break;
	case 1: case 2: case 3:
		status = child_status(undefined_insn, n - 1);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGILL,
			     "%s: child killed by SIGILL (status 0x%x)", how[n - 1], status);
		break;
	case 4:
		natural = 0;
# if defined(__x86_64__)
		natural = SIGILL;
# elif defined(__aarch64__)
		natural = SIGTRAP;
# endif
		status = child_status(trap, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == natural,
			     "__builtin_trap() kills with %s (status 0x%x)", tst_strsig(natural), status);
		break;
	}
#else
	tst_res(TCONF, "no undefined-instruction encoding for this architecture in the test");
#endif
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.forks_child = 1,
};
