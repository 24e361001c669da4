#define _GNU_SOURCE
#include "CFerryHost.h"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/syscall.h>

static __thread ferry_thread_state thread_state;

ferry_thread_state *ferry_current_thread(void) { return &thread_state; }

/* The window of ferry_safe_syscall in which a caught signal must cancel the call (see below). */
extern char ferry_safe_syscall_start[], ferry_safe_syscall_end[], ferry_safe_syscall_cancel[];

static void queue_signal(int signo, siginfo_t *info, ucontext_t *uc) {
    ferry_thread_state *t = &thread_state;
    uint32_t tail = t->queue_tail;
    if (tail - t->queue_head < FERRY_SIGNAL_QUEUE) {
        t->queue[tail % FERRY_SIGNAL_QUEUE] = *info;
        t->queue_tail = tail + 1;
    }
    /* Keep further instances pending in the host kernel (real-time signals keep queueing there)
       until the run loop has delivered this one and recomputed the mask. */
    sigaddset(&uc->uc_sigmask, signo);
    t->interrupt = 1;
    uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (ip >= (uintptr_t)ferry_safe_syscall_start && ip < (uintptr_t)ferry_safe_syscall_end)
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)ferry_safe_syscall_cancel;
}

static void async_handler(int signo, siginfo_t *info, void *context) {
    int saved = errno;
    queue_signal(signo, info, context);
    errno = saved;
}

static void die_of_signal(int signo) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(signo, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(signo);
    _exit(128 + signo);
}

static void fault_handler(int signo, siginfo_t *info, void *context) {
    ucontext_t *uc = context;
    if (info->si_code <= 0) {  /* sent by kill, tgkill or sigqueue: an ordinary signal for the guest */
        async_handler(signo, info, context);
        return;
    }
    ferry_thread_state *t = &thread_state;
    if (t->guard_active) {
        t->guard_active = 0;
        t->fault_signo = signo;
        t->fault_code = info->si_code;
        t->fault_address = (uint64_t)(uintptr_t)info->si_addr;
        t->fault_error = (uint64_t)uc->uc_mcontext.gregs[REG_ERR];
        siglongjmp(*(sigjmp_buf *)t->guard, 1);
    }
    static const char message[] = "ferry: internal error: host fault outside guest code\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    die_of_signal(signo);
}

static int fault_handlers_installed;

void ferry_install_fault_handlers(void) {
    fault_handlers_installed = 1;
    static const int faults[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fault_handler;
    /* SA_NODEFER: siglongjmp leaves the handler without restoring the mask, so the fault signal
       must not have been added to it. */
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) sigaction(faults[i], &sa, NULL);
}

static int is_fault_signal(int signo) {
    return signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE || signo == SIGTRAP;
}

/* The kernel's struct sigaction on x86-64, set with the raw syscall: glibc's sigaction() refuses
   the signals it reserves for itself (32 and 33, SIGCANCEL and SIGSETXID), which a guest's own
   libc uses for pthread_cancel and setuid broadcasts. */
struct kernel_sigaction {
    void (*handler)(int, siginfo_t *, void *);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

void ferry_signal_restorer(void);
__asm__(".text\n"
        ".globl ferry_signal_restorer\n"
        ".type ferry_signal_restorer,@function\n"
        "ferry_signal_restorer:\n"
        "    movq $15, %rax\n"   /* x86-64 rt_sigreturn */
        "    syscall\n"
        ".size ferry_signal_restorer, .-ferry_signal_restorer\n");

#define KERNEL_SA_RESTORER 0x04000000UL

static int raw_sigaction(int signo, void (*handler)(int, siginfo_t *, void *), unsigned long flags, uint64_t mask) {
    struct kernel_sigaction action = {handler, flags | KERNEL_SA_RESTORER, ferry_signal_restorer, mask};
    long result = ferry_host_syscall(SYS_rt_sigaction, signo, (long)&action, 0, 8, 0, 0);
    return (int)result;
}

int ferry_catch_signal(int signo) {
    if (is_fault_signal(signo)) return 0;
    /* No SA_RESTART: an interrupted host syscall must come back with EINTR so the run loop can
       apply the guest's own SA_RESTART and the kernel's restart rules. All signals blocked while
       the handler runs: it only queues. */
    return raw_sigaction(signo, async_handler, SA_SIGINFO | SA_ONSTACK, ~(uint64_t)0);
}

int ferry_release_signal(int signo, unsigned long disposition) {
    if (is_fault_signal(signo)) return 0;
    return raw_sigaction(signo, (void (*)(int, siginfo_t *, void *))(disposition == 1 ? SIG_IGN : SIG_DFL), 0, 0);
}

int ferry_take_signal(siginfo_t *out) {
    ferry_thread_state *t = &thread_state;
    uint32_t head = t->queue_head;
    if (head == t->queue_tail) return 0;
    *out = t->queue[head % FERRY_SIGNAL_QUEUE];
    t->queue_head = head + 1;
    return 1;
}

int ferry_run_guarded(void (*fn)(void *), void *context) {
    ferry_thread_state *t = &thread_state;
    sigjmp_buf buffer;
    void *outer = t->guard;
    int outerActive = t->guard_active;
    /* No mask saved: that would cost a syscall per guest syscall; SA_NODEFER keeps it right. */
    if (sigsetjmp(buffer, 0)) {
        t->guard = outer;
        t->guard_active = outerActive;
        return 1;
    }
    t->guard = &buffer;
    t->guard_active = 1;
    fn(context);
    t->guard = outer;
    t->guard_active = outerActive;
    return 0;
}

/* Guarded copies: a fault on either side ends the copy and reports it instead of killing ferry
   (the kernel's copy_from_user/copy_to_user). Without the fault handlers (unit tests) they
   report -2 and the caller takes the slow, always-safe path. */
#define GUARDED(body, on_fault)                                   \
    ferry_thread_state *t = &thread_state;                        \
    if (!fault_handlers_installed) return -2;                     \
    sigjmp_buf buffer;                                            \
    void *outer = t->guard;                                       \
    int outerActive = t->guard_active;                            \
    if (sigsetjmp(buffer, 0)) {                                   \
        t->guard = outer;                                         \
        t->guard_active = outerActive;                            \
        return on_fault;                                          \
    }                                                             \
    t->guard = &buffer;                                           \
    t->guard_active = 1;                                          \
    body;                                                         \
    t->guard = outer;                                             \
    t->guard_active = outerActive;

long ferry_guarded_copy(void *destination, const void *source, size_t count) {
    GUARDED(memcpy(destination, source, count), -1)
    return 0;
}

long ferry_guarded_string_length(const char *source, size_t limit) {
    size_t length = 0;
    GUARDED(length = strnlen(source, limit), -1)
    return (long)length;
}

/* ferry_safe_syscall(thread, number, a0..a5). The check of `interrupt` and the syscall instruction
   form a window: a signal caught inside it moves the thread to the cancel label, so a signal can
   never slip in between the check and a syscall that then blocks. Once the syscall instruction has
   run (rip at the end label) the kernel reports EINTR itself. */
__asm__(
    ".text\n"
    ".globl ferry_safe_syscall\n"
    ".type ferry_safe_syscall,@function\n"
    "ferry_safe_syscall:\n"
    "    movq %rdi, %r11\n"        /* thread state (r11 is free until the syscall) */
    "    movq %rsi, %rax\n"        /* number */
    "    movq %rdx, %rdi\n"        /* a0 */
    "    movq %rcx, %rsi\n"        /* a1 */
    "    movq %r8, %rdx\n"         /* a2 */
    "    movq %r9, %r10\n"         /* a3 */
    "    movq 8(%rsp), %r8\n"      /* a4 */
    "    movq 16(%rsp), %r9\n"     /* a5 */
    ".globl ferry_safe_syscall_start\n"
    "ferry_safe_syscall_start:\n"
    "    cmpl $0, 16(%r11)\n"      /* offsetof(ferry_thread_state, interrupt) */
    "    jne ferry_safe_syscall_cancel\n"
    "    syscall\n"
    ".globl ferry_safe_syscall_end\n"
    "ferry_safe_syscall_end:\n"
    "    ret\n"
    ".globl ferry_safe_syscall_cancel\n"
    "ferry_safe_syscall_cancel:\n"
    "    movq $-512, %rax\n"
    "    ret\n"
    ".size ferry_safe_syscall, .-ferry_safe_syscall\n");

_Static_assert(__builtin_offsetof(ferry_thread_state, interrupt) == 16, "the asm above reads interrupt at 16");
