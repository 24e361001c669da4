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

/* ferry_clone_vm_process(flags, stack_top, fn, context): a raw clone(2) whose child runs
   fn(context) on stack_top (fn never returns); returns the child's pid (or -errno) in the parent.
   Used for CLONE_VM|CLONE_VFORK children (vfork, posix_spawn), which share ferry's memory and the
   suspended parent thread's TLS until they exec or exit. */
__asm__(
    ".text\n"
    ".globl ferry_clone_vm_process\n"
    ".type ferry_clone_vm_process,@function\n"
    "ferry_clone_vm_process:\n"
    "    subq $16, %rsi\n"
    "    movq %rdx, 0(%rsi)\n"      /* fn on the child's stack */
    "    movq %rcx, 8(%rsi)\n"      /* context */
    "    movl $56, %eax\n"          /* x86-64 clone(flags, newsp, parent_tid, child_tid, tls) */
    "    xorl %edx, %edx\n"
    "    xorl %r10d, %r10d\n"
    "    xorl %r8d, %r8d\n"
    "    syscall\n"
    "    testq %rax, %rax\n"
    "    jnz 1f\n"
    "    xorl %ebp, %ebp\n"         /* child: no frame to return to */
    "    popq %rax\n"
    "    popq %rdi\n"
    "    andq $-16, %rsp\n"
    "    callq *%rax\n"
    "    ud2\n"
    "1:  ret\n"
    ".size ferry_clone_vm_process, .-ferry_clone_vm_process\n");
