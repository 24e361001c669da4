#define _GNU_SOURCE
#include "CFerryHost.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

long ferry_host_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5) {
    long ret;
    register long r10 __asm__("r10") = a3;
    register long r8 __asm__("r8") = a4;
    register long r9 __asm__("r9") = a5;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(number), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* Until guest signal delivery exists, a fault in guest code ends the process with the same
   signal the guest would have died of natively, so the parent sees the native wait status. */
static void die_of_signal(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(sig, &sa, NULL);
    raise(sig);
}

void ferry_install_fault_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = die_of_signal;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

int ferry_cas128(void *p, uint64_t *expectedLow, uint64_t *expectedHigh,
                               uint64_t desiredLow, uint64_t desiredHigh) {
    unsigned __int128 e = ((unsigned __int128)*expectedHigh << 64) | *expectedLow;
    unsigned __int128 d = ((unsigned __int128)desiredHigh << 64) | desiredLow;
    int ok = __atomic_compare_exchange_n((unsigned __int128 *)p, &e, d, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    *expectedLow = (uint64_t)e;
    *expectedHigh = (uint64_t)(e >> 64);
    return ok;
}
