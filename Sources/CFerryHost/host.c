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

int ferry_cas128(void *p, uint64_t *expectedLow, uint64_t *expectedHigh,
                               uint64_t desiredLow, uint64_t desiredHigh) {
    unsigned __int128 e = ((unsigned __int128)*expectedHigh << 64) | *expectedLow;
    unsigned __int128 d = ((unsigned __int128)desiredHigh << 64) | desiredLow;
    int ok = __atomic_compare_exchange_n((unsigned __int128 *)p, &e, d, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    *expectedLow = (uint64_t)e;
    *expectedHigh = (uint64_t)(e >> 64);
    return ok;
}
