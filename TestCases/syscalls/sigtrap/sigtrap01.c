/* SIGTRAP from the AArch64 BRK instruction: a handler sees SIGTRAP with
 * si_code TRAP_BRKPT and si_addr the pc of the BRK (for immediates 0 and
 * 0x3e8, the one __builtin_trap() uses); advancing the saved pc by 4 resumes
 * after it with the registers the handler wrote; with no handler, and with
 * SIGTRAP ignored or blocked, a child is killed by SIGTRAP. AArch64 only.
 * SYSCALLS: rt_sigaction rt_sigprocmask rt_sigreturn clone wait4 prlimit64 */
#include <sys/resource.h>
#include <ucontext.h>
#include "tst_test.h"

#ifdef __aarch64__
static volatile int got_sig, got_code, hits;
static void *volatile got_addr;
static volatile uintptr_t got_pc;
static volatile uint32_t got_insn;

static void handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	got_sig = si->si_signo;
	got_code = si->si_code;
	got_addr = si->si_addr;
	got_pc = uc->uc_mcontext.pc;
	got_insn = *(uint32_t *)got_pc;
	hits++;
	uc->uc_mcontext.regs[0] = 0xfeed;
	uc->uc_mcontext.pc += 4;
}

/* brk #0 and brk #0x3e8; x0 holds 1 unless the handler changed it */
static unsigned long brk0(void)
{
	register unsigned long x0 __asm__("x0") = 1;

	__asm__ volatile("brk #0" : "+r"(x0) : : "memory");
	return x0;
}

static unsigned long brk3e8(void)
{
	register unsigned long x0 __asm__("x0") = 1;

	__asm__ volatile("brk #0x3e8" : "+r"(x0) : : "memory");
	return x0;
}

static void brk_void(void)
{
	brk0();
}

static int child_status(int mode)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;
	int status;
	pid_t pid = SAFE_FORK();

	if (!pid) {
		setrlimit(RLIMIT_CORE, &no_core);
		if (mode == 1)
			signal(SIGTRAP, SIG_IGN);
		if (mode == 2) {
			sigemptyset(&set);
			sigaddset(&set, SIGTRAP);
			sigprocmask(SIG_BLOCK, &set, NULL);
		}
		brk_void();
		_exit(1);
	}
	SAFE_WAITPID(pid, &status, 0);
	return status;
}

static void run(unsigned int n)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
	static const char *const how[] = { "no handler", "SIGTRAP ignored", "SIGTRAP blocked" };
	unsigned long r;
	int status;

	switch (n) {
	case 0:
	case 1:
		SAFE_SIGACTION(SIGTRAP, &sa, NULL);
		hits = 0;
		r = n == 0 ? brk0() : brk3e8();
		TST_EXP_EXPR(hits == 1 && r == 0xfeed, "brk #%s: handler ran once and resumed after it with x0 set",
			     n == 0 ? "0" : "0x3e8");
		TST_EXP_EQ_LI(got_sig, SIGTRAP);
		TST_EXP_EQ_LI(got_code, TRAP_BRKPT);
		TST_EXP_EXPR(got_addr == (void *)got_pc, "si_addr is the pc of the brk");
		TST_EXP_EXPR(got_insn == (n == 0 ? 0xd4200000u : 0xd4207d00u),
			     "the saved pc points at the brk instruction (0x%08x)", (unsigned)got_insn);
		SAFE_SIGNAL(SIGTRAP, SIG_DFL);
		break;
	default:
		status = child_status(n - 2);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGTRAP,
			     "%s: brk kills the child with SIGTRAP (status 0x%x)", how[n - 2], status);
		break;
	}
}
#else
static void run(unsigned int n)
{
}
#endif

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.forks_child = 1,
	.supported_archs = (const char *const []){ "aarch64", NULL },
};
