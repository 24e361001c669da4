// Signals: sigaction with SA_SIGINFO, raise and kill to self, blocked signals staying
// pending until unblocked, sigsuspend-free ordering, SIGSEGV from a bad access caught and
// recovered with siglongjmp, and SIGFPE-free alarm-free determinism.
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t got[65];
static volatile int last_code, order[8], norder;
static sigjmp_buf recover;
static volatile void *fault_addr;

static void on_info(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    got[sig]++;
    last_code = si->si_code;
    if (norder < 8) order[norder++] = sig;
}
static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    fault_addr = si->si_addr;
    siglongjmp(recover, 1);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
    CHECK(sigaction(SIGRTMIN + 1, &sa, NULL) == 0);

    raise(SIGUSR1);
    printf("raise: SIGUSR1 count %d, si_code is SI_TKILL %d\n", got[SIGUSR1], last_code == SI_TKILL);
    kill(getpid(), SIGUSR2);
    printf("kill: SIGUSR2 count %d, si_code is SI_USER %d\n", got[SIGUSR2], last_code == SI_USER);

    // Block, send three kinds, observe pending, then unblock: standard signals coalesce,
    // real-time signals queue.
    sigset_t block, pending, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGRTMIN + 1);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
    norder = 0;
    raise(SIGUSR1); raise(SIGUSR1);
    raise(SIGRTMIN + 1); raise(SIGRTMIN + 1); raise(SIGRTMIN + 1);
    CHECK(sigpending(&pending) == 0);
    printf("pending: USR1 %d RTMIN+1 %d USR2 %d, delivered while blocked %d\n", sigismember(&pending, SIGUSR1),
           sigismember(&pending, SIGRTMIN + 1), sigismember(&pending, SIGUSR2), norder);
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
    printf("after unblock: USR1 total %d, RTMIN+1 total %d, deliveries %d\n", got[SIGUSR1], got[SIGRTMIN + 1], norder);
    CHECK(got[SIGUSR1] == 2 && got[SIGRTMIN + 1] == 3);

    // SIG_IGN drops the signal; SIG_DFL for SIGCHLD ignores it too.
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    signal(SIGCHLD, SIG_DFL);
    raise(SIGCHLD);
    printf("ignored: SIGUSR2 count still %d\n", got[SIGUSR2]);

    // A bad memory access becomes SIGSEGV with si_addr set to the faulting address.
    struct sigaction sv;
    memset(&sv, 0, sizeof sv);
    sv.sa_sigaction = on_segv;
    sv.sa_flags = SA_SIGINFO;
    CHECK(sigaction(SIGSEGV, &sv, NULL) == 0);
    volatile int *bad = (volatile int *)(unsigned long)0x10;
    if (sigsetjmp(recover, 1) == 0) {
        *bad = 1;
        printf("no fault?\n");
    }
    printf("SIGSEGV caught, si_addr == 0x10: %d\n", fault_addr == (void *)0x10);
    CHECK(fault_addr == (void *)0x10);

    // Handler mask: while in the USR1 handler, sa_mask blocks USR2.
    sa.sa_sigaction = on_info;
    sigaddset(&sa.sa_mask, SIGUSR2);
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    sigset_t cur;
    sigprocmask(SIG_SETMASK, NULL, &cur);
    printf("mask in main has USR2: %d\n", sigismember(&cur, SIGUSR2));
    printf("SIGRTMIN-SIGRTMAX span %d\n", SIGRTMAX - SIGRTMIN);
    return CHECK_STATUS();
}
