// Signal torture: signals that interrupt blocking syscalls (read restarted under SA_RESTART,
// EINTR without it, nanosleep's remaining time, a sigsuspend wake-up), nested handlers
// (another signal inside a handler, SA_NODEFER, SA_RESETHAND), sigaltstack (address, SS_ONSTACK,
// a stack overflow caught on it), handlers that edit the saved context to skip a faulting load
// or an undefined instruction, queued real-time signals with values, signals aimed at one
// thread, SIGCHLD's si_status, timers interrupting a spin loop and a caught SIGABRT.
// Every line printed is timing-independent: the helper that sends a signal into a blocking call
// first waits until the target thread is asleep in the kernel (/proc/self/task/TID/stat).
// libs: -lpthread
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "check.h"

static pid_t tid_of_self(void) { return (pid_t)syscall(SYS_gettid); }

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

// Thread state letter from /proc/self/task/TID/stat ('S' while asleep in a syscall), or 0.
static char task_state(pid_t tid) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : 0;
}

// Helper thread: once the target is asleep in the kernel (or after 2 s), wait a little more
// and send it the signal.
struct shot { pthread_t target; pid_t target_tid; int sig; volatile int armed; };
static void *shooter(void *arg) {
    struct shot *s = arg;
    while (!s->armed) sleep_ms(1);
    for (int i = 0; i < 2000 && task_state(s->target_tid) != 'S'; i++) sleep_ms(1);
    sleep_ms(30);
    pthread_kill(s->target, s->sig);
    return NULL;
}
static pthread_t fire_later(struct shot *s, int sig) {
    pthread_t t;
    s->target = pthread_self();
    s->target_tid = tid_of_self();
    s->sig = sig;
    s->armed = 0;
    CHECK(pthread_create(&t, NULL, shooter, s) == 0);
    return t;
}

static volatile sig_atomic_t hits[65];
static void count_hit(int sig) { hits[sig]++; }

static void install(int sig, void (*fn)(int), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}
static void install_info(int sig, void (*fn)(int, siginfo_t *, void *), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

// ---- 1. blocking syscalls -------------------------------------------------------------------
static void eintr_read(void) {
    int p[2];
    CHECK(pipe(p) == 0);
    install(SIGUSR1, count_hit, 0);
    hits[SIGUSR1] = 0;
    struct shot s;
    pthread_t t = fire_later(&s, SIGUSR1);
    s.armed = 1;
    char c = 0;
    ssize_t n = read(p[0], &c, 1);   // nothing is ever written: only the signal ends it
    int err = errno;
    pthread_join(t, NULL);
    printf("read without SA_RESTART: ret %zd errno EINTR %d, handler ran %d\n", n, err == EINTR, hits[SIGUSR1]);
    close(p[0]); close(p[1]);
}

// A restarted read must come back with data, so the writer thread signals first, waits for the
// reader to be asleep again after the restart, then writes.
struct restart_ctx { pthread_t reader; pid_t reader_tid; int wfd; volatile int armed; };
static void *signal_then_write(void *arg) {
    struct restart_ctx *r = arg;
    while (!r->armed) sleep_ms(1);
    for (int i = 0; i < 2000 && task_state(r->reader_tid) != 'S'; i++) sleep_ms(1);
    sleep_ms(30);
    pthread_kill(r->reader, SIGUSR1);
    for (int i = 0; i < 2000 && !hits[SIGUSR1]; i++) sleep_ms(1);
    sleep_ms(30);
    CHECK(write(r->wfd, "R", 1) == 1);
    return NULL;
}
static void restarted_read(void) {
    int p[2];
    CHECK(pipe(p) == 0);
    install(SIGUSR1, count_hit, SA_RESTART);
    hits[SIGUSR1] = 0;
    struct restart_ctx r = {pthread_self(), tid_of_self(), p[1], 0};
    pthread_t t;
    CHECK(pthread_create(&t, NULL, signal_then_write, &r) == 0);
    r.armed = 1;
    char c = 0;
    ssize_t n = read(p[0], &c, 1);
    pthread_join(t, NULL);
    printf("read with SA_RESTART: ret %zd byte '%c', handler ran %d\n", n, n == 1 ? c : '?', hits[SIGUSR1]);
    close(p[0]); close(p[1]);
}

static void interrupted_nanosleep(void) {
    install(SIGUSR1, count_hit, SA_RESTART);   // nanosleep is never restarted by SA_RESTART
    hits[SIGUSR1] = 0;
    struct shot s;
    pthread_t t = fire_later(&s, SIGUSR1);
    s.armed = 1;
    struct timespec req = {5, 0}, rem = {-1, -1};
    int r = nanosleep(&req, &rem);
    int err = errno;
    pthread_join(t, NULL);
    int rem_ok = rem.tv_sec >= 2 && rem.tv_sec <= 4 && rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000L;
    printf("nanosleep(5s) interrupted: ret %d EINTR %d, remaining time in (2s,5s) %d, handler ran %d\n", r,
           err == EINTR, rem_ok, hits[SIGUSR1]);
}

static void suspend_wakeup(void) {
    install(SIGUSR2, count_hit, 0);
    hits[SIGUSR2] = 0;
    sigset_t block, old, wait_mask, after;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
    struct shot s;
    pthread_t t = fire_later(&s, SIGUSR2);
    s.armed = 1;
    sigemptyset(&wait_mask);
    int r = sigsuspend(&wait_mask);
    int err = errno;
    pthread_join(t, NULL);
    CHECK(sigprocmask(SIG_SETMASK, NULL, &after) == 0);
    printf("sigsuspend: ret %d EINTR %d, handler ran %d, SIGUSR2 blocked again after %d\n", r, err == EINTR,
           hits[SIGUSR2], sigismember(&after, SIGUSR2));
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
}

// ---- 2. nested handlers ---------------------------------------------------------------------
static char trace[128];
static volatile int trace_len, depth, max_depth;
static void trace_add(char c) { if (trace_len < (int)sizeof trace - 1) trace[trace_len++] = c; }

static void inner_usr2(int sig) { (void)sig; depth++; if (depth > max_depth) max_depth = depth; trace_add('2'); depth--; }
static void outer_usr1(int sig) {
    (void)sig;
    depth++;
    if (depth > max_depth) max_depth = depth;
    trace_add('(');
    raise(SIGUSR2);               // not in our mask: runs nested, right now
    trace_add(')');
    depth--;
}
static volatile int reraise_left;
static void self_reraise(int sig) {
    depth++;
    if (depth > max_depth) max_depth = depth;
    trace_add('[');
    if (reraise_left > 0) { reraise_left--; raise(sig); }
    trace_add(']');
    depth--;
}
static volatile int resethand_seen_dfl, resethand_blocked;
static void oneshot(int sig) {
    struct sigaction cur;
    sigset_t m;
    sigaction(sig, NULL, &cur);
    resethand_seen_dfl = cur.sa_handler == SIG_DFL;
    sigprocmask(SIG_SETMASK, NULL, &m);
    resethand_blocked = sigismember(&m, sig);
    hits[sig]++;
}

static void reset_trace(void) { trace_len = 0; depth = 0; max_depth = 0; memset(trace, 0, sizeof trace); }

static void nested_handlers(void) {
    install(SIGUSR1, outer_usr1, 0);
    install(SIGUSR2, inner_usr2, 0);
    reset_trace();
    raise(SIGUSR1);
    printf("nested: trace %s max depth %d\n", trace, max_depth);

    // Without SA_NODEFER the re-raised signal waits until the handler returns.
    install(SIGUSR1, self_reraise, 0);
    reset_trace();
    reraise_left = 2;
    raise(SIGUSR1);
    printf("re-raise, default mask: trace %s max depth %d\n", trace, max_depth);

    install(SIGUSR1, self_reraise, SA_NODEFER);
    reset_trace();
    reraise_left = 2;
    raise(SIGUSR1);
    printf("re-raise, SA_NODEFER: trace %s max depth %d\n", trace, max_depth);

    // SA_RESETHAND: the disposition is back to default inside the handler and after.
    install(SIGWINCH, oneshot, SA_RESETHAND);   // SIGWINCH's default is to ignore
    hits[SIGWINCH] = 0;
    raise(SIGWINCH);
    raise(SIGWINCH);
    struct sigaction now;
    sigaction(SIGWINCH, NULL, &now);
    printf("SA_RESETHAND: handler ran %d, default inside %d, signal blocked inside %d, default after %d\n",
           hits[SIGWINCH], resethand_seen_dfl, resethand_blocked, now.sa_handler == SIG_DFL);
}

// ---- 3. sigaltstack -------------------------------------------------------------------------
#define ALT_SIZE (256 * 1024)
static char *alt_base;
static volatile uintptr_t alt_local;
static volatile int alt_flags;
static void on_alt(int sig) {
    (void)sig;
    char here;
    stack_t cur;
    alt_local = (uintptr_t)&here;
    sigaltstack(NULL, &cur);
    alt_flags = cur.ss_flags;
}

static volatile int overflow_stop = -1;
static int recurse(int n) {
    volatile char pad[2048];
    pad[0] = (char)n;
    pad[sizeof pad - 1] = (char)n;
    if (n == overflow_stop) return 0;
    return recurse(n + 1) + pad[n & 1];
}
static void overflow_handler(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    char here;
    int on = (uintptr_t)&here >= (uintptr_t)alt_base && (uintptr_t)&here < (uintptr_t)alt_base + ALT_SIZE;
    _exit(on && sig == SIGSEGV && (si->si_code == SEGV_MAPERR || si->si_code == SEGV_ACCERR) ? 42 : 43);
}

static void altstack(void) {
    alt_base = malloc(ALT_SIZE);
    stack_t ss = {.ss_sp = alt_base, .ss_size = ALT_SIZE, .ss_flags = 0};
    CHECK(sigaltstack(&ss, NULL) == 0);
    install(SIGUSR1, on_alt, SA_ONSTACK);
    raise(SIGUSR1);
    int inside = alt_local >= (uintptr_t)alt_base && alt_local < (uintptr_t)alt_base + ALT_SIZE;
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("sigaltstack: handler on the alternate stack %d, SS_ONSTACK inside %d, outside %d\n", inside,
           (alt_flags & SS_ONSTACK) != 0, (cur.ss_flags & SS_ONSTACK) != 0);

    // Without SA_ONSTACK the same handler stays on the normal stack.
    install(SIGUSR1, on_alt, 0);
    raise(SIGUSR1);
    inside = alt_local >= (uintptr_t)alt_base && alt_local < (uintptr_t)alt_base + ALT_SIZE;
    printf("without SA_ONSTACK: on the alternate stack %d\n", inside);

    // A stack overflow can only be handled on the alternate stack; do it in a child with a
    // small stack limit.
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl = {1 << 20, 1 << 20};
        setrlimit(RLIMIT_STACK, &rl);
        install_info(SIGSEGV, overflow_handler, SA_ONSTACK);
        _exit(recurse(0) == 12345 ? 1 : 2);
    }
    int st = 0;
    CHECK(waitpid(pid, &st, 0) == pid);
    printf("stack overflow: child exited %d (42 = SIGSEGV caught on the alternate stack)\n",
           WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st));
    ss.ss_flags = SS_DISABLE;
    CHECK(sigaltstack(&ss, NULL) == 0);
}

// ---- 4. editing the saved context ------------------------------------------------------------
// The faulting instruction is fixed per arch (a 32-bit load into a known register, an undefined
// instruction); the handler checks pc and si_addr, writes a marker into the destination
// register and moves pc past the instruction.
#define MARK 0x5a5a1234u
static volatile int ctx_sig, ctx_addr_ok, ctx_pc_ok, ctx_code_ok;
static void *volatile fault_target;

static void skip_handler(int sig, siginfo_t *si, void *ucv) {
    ucontext_t *uc = ucv;
    ctx_sig = sig;
#if defined(__x86_64__)
    unsigned char *pc = (unsigned char *)uc->uc_mcontext.gregs[REG_RIP];
    if (sig == SIGSEGV) {
        ctx_pc_ok = pc[0] == 0x8b && pc[1] == 0x07;           // movl (%rdi),%eax
        ctx_addr_ok = si->si_addr == fault_target;
        ctx_code_ok = si->si_code == SEGV_MAPERR;
        uc->uc_mcontext.gregs[REG_RAX] = MARK;
        uc->uc_mcontext.gregs[REG_RIP] += 2;
    } else {
        ctx_pc_ok = pc[0] == 0x0f && pc[1] == 0x0b;           // ud2
        ctx_addr_ok = si->si_addr == (void *)pc;
        ctx_code_ok = si->si_code == ILL_ILLOPN;              // x86 reports ud2 as an illegal operand
        uc->uc_mcontext.gregs[REG_RAX] = MARK;
        uc->uc_mcontext.gregs[REG_RIP] += 2;
    }
#elif defined(__aarch64__)
    uint32_t *pc = (uint32_t *)uc->uc_mcontext.pc;
    if (sig == SIGSEGV) {
        ctx_pc_ok = *pc == 0xb9400020u;                       // ldr w0, [x1]
        ctx_addr_ok = si->si_addr == fault_target;
        ctx_code_ok = si->si_code == SEGV_MAPERR;
    } else {
        ctx_pc_ok = *pc == 0x00000000u;                       // udf #0
        ctx_addr_ok = si->si_addr == (void *)pc;
        ctx_code_ok = si->si_code == ILL_ILLOPC;
    }
    uc->uc_mcontext.regs[0] = MARK;
    uc->uc_mcontext.pc += 4;
#elif defined(__riscv) && __riscv_xlen == 64
    uint32_t *pc = (uint32_t *)uc->uc_mcontext.__gregs[REG_PC];
    if (sig == SIGSEGV) {
        ctx_pc_ok = *pc == 0x0005a503u;                       // lw a0, 0(a1)
        ctx_addr_ok = si->si_addr == fault_target;
        ctx_code_ok = si->si_code == SEGV_MAPERR;
    } else {
        ctx_pc_ok = *pc == 0xc0001073u;                       // unimp (csrrw x0, cycle, x0)
        ctx_addr_ok = si->si_addr == (void *)pc;
        ctx_code_ok = si->si_code == ILL_ILLOPC;
    }
    uc->uc_mcontext.__gregs[REG_A0] = MARK;
    uc->uc_mcontext.__gregs[REG_PC] += 4;
#endif
}

static unsigned load_through(void *p) {
    unsigned v;
#if defined(__x86_64__)
    __asm__ volatile("movl (%%rdi), %%eax" : "=a"(v) : "D"(p) : "memory");
#elif defined(__aarch64__)
    __asm__ volatile("mov x1, %1\n\tldr w0, [x1]\n\tmov %w0, w0" : "=r"(v) : "r"(p) : "x0", "x1", "memory");
#elif defined(__riscv) && __riscv_xlen == 64
    // Uncompressed, so the handler can match the encoding and step 4 bytes.
    __asm__ volatile(".option push\n\t.option norvc\n\tmv a1, %1\n\tlw a0, 0(a1)\n\tmv %0, a0\n\t.option pop"
                     : "=r"(v) : "r"(p) : "a0", "a1", "memory");
#endif
    return v;
}
static unsigned undefined_insn(void) {
    unsigned v;
#if defined(__x86_64__)
    __asm__ volatile("xorl %%eax, %%eax\n\tud2" : "=a"(v) : : "memory");
#elif defined(__aarch64__)
    __asm__ volatile("mov w0, #0\n\tudf #0\n\tmov %w0, w0" : "=r"(v) : : "x0", "memory");
#elif defined(__riscv) && __riscv_xlen == 64
    __asm__ volatile(".option push\n\t.option norvc\n\tli a0, 0\n\t.4byte 0xc0001073\n\tmv %0, a0\n\t.option pop"
                     : "=r"(v) : : "a0", "memory");
#endif
    return v;
}

static void context_edits(void) {
    install_info(SIGSEGV, skip_handler, 0);
    install_info(SIGILL, skip_handler, 0);
    fault_target = (void *)(uintptr_t)0x10;   // below mmap_min_addr: never mapped
    unsigned v = load_through(fault_target);
    printf("SIGSEGV skipped: sig %d value 0x%x, pc at the load %d, si_addr %d, SEGV_MAPERR %d\n", ctx_sig, v,
           ctx_pc_ok, ctx_addr_ok, ctx_code_ok);
    ctx_sig = ctx_pc_ok = ctx_addr_ok = ctx_code_ok = 0;
    v = undefined_insn();
    printf("SIGILL skipped: sig %d value 0x%x, pc at the instruction %d, si_addr %d, arch's si_code %d\n", ctx_sig,
           v, ctx_pc_ok, ctx_addr_ok, ctx_code_ok);
    // Twice more: the handler must be re-entered cleanly each time.
    int ok = 0;
    for (int i = 0; i < 3; i++) ok += load_through(fault_target) == MARK;
    printf("repeated SIGSEGV skips: %d of 3\n", ok);
    signal(SIGSEGV, SIG_DFL);
    signal(SIGILL, SIG_DFL);
}

// ---- 5. queued real-time signals --------------------------------------------------------------
static volatile int rt_vals[64], rt_sigs[64], rt_n;
static void rt_handler(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    if (rt_n < 64) { rt_sigs[rt_n] = sig; rt_vals[rt_n] = si->si_value.sival_int; rt_n++; }
}
// Queue 4 of the higher signal first, then 10 of the lower, while both are blocked; unblock.
static void rt_round(int both_in_mask) {
    int a = SIGRTMIN + 2, b = SIGRTMIN + 5;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = rt_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (both_in_mask) { sigaddset(&sa.sa_mask, a); sigaddset(&sa.sa_mask, b); }
    CHECK(sigaction(a, &sa, NULL) == 0);
    CHECK(sigaction(b, &sa, NULL) == 0);
    sigset_t block, old, pend;
    sigemptyset(&block);
    sigaddset(&block, a);
    sigaddset(&block, b);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
    rt_n = 0;
    for (int i = 0; i < 4; i++) CHECK(sigqueue(getpid(), b, (union sigval){.sival_int = 500 + i}) == 0);
    for (int i = 0; i < 10; i++) CHECK(sigqueue(getpid(), a, (union sigval){.sival_int = 100 + i}) == 0);
    CHECK(sigpending(&pend) == 0);
    printf("rt queued: pending %d %d, delivered while blocked %d\n", sigismember(&pend, a), sigismember(&pend, b), rt_n);
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
    printf("rt delivered %d%s:", rt_n, both_in_mask ? " (handlers mask both)" : " (handlers nest)");
    for (int i = 0; i < rt_n; i++) printf(" %s%d", rt_sigs[i] == a ? "A" : "B", rt_vals[i]);
    printf("\n");
}
static void realtime_queue(void) {
    // Handlers that mask both run one at a time: lowest signal number first, each in queue order.
    rt_round(1);
    // Handlers that do not: the kernel stacks one frame per deliverable signal before returning
    // to user mode, so the last frame set up runs first; the order is the kernel's, shown as is.
    rt_round(0);
}

// ---- 6. signals aimed at threads ------------------------------------------------------------
static __thread int my_index = -1;
static volatile int hit_index = -2, hit_count;
static void which_thread(int sig) { (void)sig; hit_index = my_index; hit_count++; }
struct worker { int index; int rfd; int block_usr2; volatile int ready; pid_t tid; };
static void *worker_main(void *arg) {
    struct worker *w = arg;
    my_index = w->index;
    w->tid = tid_of_self();
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    pthread_sigmask(w->block_usr2 ? SIG_BLOCK : SIG_UNBLOCK, &s, NULL);
    w->ready = 1;
    char c;
    while (read(w->rfd, &c, 1) == -1 && errno == EINTR) {}
    return NULL;
}
static void thread_signals(void) {
    install(SIGUSR1, which_thread, SA_RESTART);
    install(SIGUSR2, which_thread, SA_RESTART);
    int p[2];
    CHECK(pipe(p) == 0);
    my_index = 100;
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    CHECK(pthread_sigmask(SIG_BLOCK, &s, &old) == 0);   // main blocks SIGUSR2; so do workers 0, 1, 3
    struct worker w[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (struct worker){.index = i, .rfd = p[0], .block_usr2 = i != 2};
        CHECK(pthread_create(&t[i], NULL, worker_main, &w[i]) == 0);
    }
    for (int i = 0; i < 4; i++) while (!w[i].ready) sleep_ms(1);
    for (int target = 3; target >= 0; target--) {
        hit_index = -2; hit_count = 0;
        CHECK(pthread_kill(t[target], SIGUSR1) == 0);
        for (int i = 0; i < 5000 && !hit_count; i++) sleep_ms(1);
        printf("pthread_kill to worker %d: handler ran in worker %d (%d time)\n", target, hit_index, hit_count);
    }
    // A process-directed signal goes to the only thread that does not block it.
    hit_index = -2; hit_count = 0;
    CHECK(kill(getpid(), SIGUSR2) == 0);
    for (int i = 0; i < 5000 && !hit_count; i++) sleep_ms(1);
    printf("kill(getpid) with SIGUSR2 unblocked only in worker 2: handler ran in worker %d\n", hit_index);
    CHECK(write(p[1], "xxxx", 4) == 4);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    CHECK(pthread_sigmask(SIG_SETMASK, &old, NULL) == 0);
    close(p[0]); close(p[1]);
}

// ---- 7. SIGCHLD -----------------------------------------------------------------------------
static volatile int chld_code, chld_status, chld_pid_ok, chld_seen;
static volatile pid_t chld_expect;
static void on_chld(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    chld_code = si->si_code;
    chld_status = si->si_status;
    chld_pid_ok = si->si_pid == chld_expect;
    chld_seen++;
}
static void sigchld_status(void) {
    install_info(SIGCHLD, on_chld, SA_RESTART);
    sigset_t block, old, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigemptyset(&empty);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
    for (int round = 0; round < 2; round++) {
        chld_seen = 0;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            if (round == 0) _exit(7);
            for (;;) pause();
        }
        chld_expect = pid;
        if (round == 1) kill(pid, SIGTERM);
        while (!chld_seen) sigsuspend(&empty);
        int st;
        CHECK(waitpid(pid, &st, 0) == pid);
        printf("SIGCHLD: code %s si_status %d si_pid matches %d\n",
               chld_code == CLD_EXITED ? "CLD_EXITED" : chld_code == CLD_KILLED ? "CLD_KILLED" : "other",
               chld_status, chld_pid_ok);
    }
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
    signal(SIGCHLD, SIG_DFL);
}

// ---- 8. timers interrupting a spin loop ------------------------------------------------------
static volatile sig_atomic_t alarm_flag, ticks;
static void on_alarm(int sig) { (void)sig; alarm_flag = 1; ticks++; }
static void timers(void) {
    install(SIGALRM, on_alarm, 0);
    alarm_flag = 0;
    alarm(1);
    volatile unsigned long spins = 0;
    while (!alarm_flag) spins++;
    printf("alarm(1) stopped a spin loop: %d (spun %d)\n", alarm_flag, spins > 0);

    // A 10 ms periodic ITIMER_REAL: count five ticks in a spin loop, then disarm.
    ticks = 0;
    struct itimerval it = {{0, 10000}, {0, 10000}}, off = {{0, 0}, {0, 0}};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    while (ticks < 5) spins++;
    CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
    int seen = ticks;
    printf("setitimer: at least five ticks %d\n", seen >= 5);

    // ITIMER_VIRTUAL counts user CPU time, so only a spinning process gets it.
    install(SIGVTALRM, on_alarm, 0);
    alarm_flag = 0;
    struct itimerval vt = {{0, 0}, {0, 20000}};
    CHECK(setitimer(ITIMER_VIRTUAL, &vt, NULL) == 0);
    while (!alarm_flag) spins++;
    printf("ITIMER_VIRTUAL fired in a spin loop: %d\n", alarm_flag);
}

// ---- 9. SIGABRT caught ------------------------------------------------------------------------
static volatile int abrt_code;
static void on_abrt(int sig, siginfo_t *si, void *uc) { (void)sig; (void)uc; abrt_code = si->si_code; hits[SIGABRT]++; }
static void caught_abort_signal(void) {
    install_info(SIGABRT, on_abrt, 0);
    int r = raise(SIGABRT);
    printf("raise(SIGABRT) caught: raise returned %d, handler ran %d, SI_TKILL %d\n", r, hits[SIGABRT],
           abrt_code == SI_TKILL);
    signal(SIGABRT, SIG_DFL);
}

int main(void) {
    eintr_read();
    restarted_read();
    interrupted_nanosleep();
    suspend_wakeup();
    nested_handlers();
    altstack();
    context_edits();
    realtime_queue();
    thread_signals();
    sigchld_status();
    timers();
    caught_abort_signal();
    printf("done\n");
    return CHECK_STATUS();
}
