#ifndef CFERRYHOST_H
#define CFERRYHOST_H
#include <stdint.h>
#include <stddef.h>

/* Raw host system call: returns the kernel's value, -errno on failure (never touches errno). */
long ferry_host_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5);

/* ---- Signals and faults (signals.c) ----
   Each host thread running a guest thread has one ferry_thread_state (thread-local). Host signals
   the guest handles are caught by a handler that only queues their siginfo here and raises
   `interrupt`; the run loop delivers them to the guest between blocks or around syscalls. A host
   fault while the interpreter runs guest code (inside ferry_run_guarded) ends the guarded call and
   is described in `fault_*`, with the guest pc and flags the interpreter noted before the access. */
#include <signal.h>

#define FERRY_SIGNAL_QUEUE 64
/* ferry_safe_syscall's result when a signal was already pending: the syscall never started. */
#define FERRY_NOT_STARTED (-512)

typedef struct ferry_thread_state {
    volatile uint64_t guest_pc;
    volatile uint64_t guest_flags;
    volatile int32_t interrupt;
    volatile uint32_t queue_head;
    volatile uint32_t queue_tail;
    int32_t guard_active;
    void *guard;
    int32_t fault_signo;
    int32_t fault_code;
    uint64_t fault_address;
    /* x86 page-fault error code: bit 1 set for a write. */
    uint64_t fault_error;
    siginfo_t queue[FERRY_SIGNAL_QUEUE];
} ferry_thread_state;

/* The calling host thread's state. */
ferry_thread_state *ferry_current_thread(void);

/* Installs the fault handlers (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP) once per process. */
void ferry_install_fault_handlers(void);

/* Catch host signal `signo` for the guest (queue it) or give it back to the host's `disposition`
   (SIG_DFL 0 / SIG_IGN 1). Fault signals stay caught either way. Returns 0 or -errno. */
int ferry_catch_signal(int signo);
int ferry_release_signal(int signo, unsigned long disposition);

/* memcpy / strnlen that report a fault (-1) instead of dying; -2 when no fault handlers are
   installed (the caller must use a path that cannot fault). */
long ferry_guarded_copy(void *destination, const void *source, size_t count);
long ferry_guarded_string_length(const char *source, size_t limit);

/* Takes the oldest queued signal; 0 when the queue is empty. */
int ferry_take_signal(siginfo_t *out);

/* Calls fn(context) with guest faults caught: returns 0 when fn returned, 1 after a fault. */
int ferry_run_guarded(void (*fn)(void *), void *context);

/* A host syscall that a guest signal can interrupt without a race: returns FERRY_NOT_STARTED if
   `interrupt` was set before the syscall instruction, else the kernel's result (-EINTR when a
   caught signal interrupted it). */
long ferry_safe_syscall(ferry_thread_state *thread, long number, long a0, long a1, long a2, long a3, long a4, long a5);

/* Volatile accessors for the interpreter's hot loop (inlined into Swift). */
static inline void ferry_note_guest_pc(ferry_thread_state *t, uint64_t pc, uint64_t flags) {
    t->guest_pc = pc;
    t->guest_flags = flags;
}
static inline int32_t ferry_interrupt_requested(ferry_thread_state *t) { return t->interrupt; }
static inline void ferry_request_interrupt(ferry_thread_state *t) { __atomic_store_n(&t->interrupt, 1, __ATOMIC_SEQ_CST); }
static inline void ferry_clear_interrupt(ferry_thread_state *t) { t->interrupt = 0; }


/* A child process sharing our memory (CLONE_VM|CLONE_VFORK) that runs fn(context) on stack_top. */
long ferry_clone_vm_process(unsigned long flags, void *stack_top, void (*fn)(void *), void *context);

/* Atomic primitives on guest memory for exclusives and LSE atomics (static inline so Swift inlines
   them). All are sequentially consistent: x86-64 gives no cheaper ordering for RMW operations. */
static inline int ferry_cas8(void *p, uint8_t *expected, uint8_t desired) {
    return __atomic_compare_exchange_n((uint8_t *)p, expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline int ferry_cas16(void *p, uint16_t *expected, uint16_t desired) {
    return __atomic_compare_exchange_n((uint16_t *)p, expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline int ferry_cas32(void *p, uint32_t *expected, uint32_t desired) {
    return __atomic_compare_exchange_n((uint32_t *)p, expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline int ferry_cas64(void *p, uint64_t *expected, uint64_t desired) {
    return __atomic_compare_exchange_n((uint64_t *)p, expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
/* 16-byte compare-and-swap (CASP, exclusive pairs); compiled with -mcx16 in host.c. */
int ferry_cas128(void *p, uint64_t *expectedLow, uint64_t *expectedHigh,
                 uint64_t desiredLow, uint64_t desiredHigh);
static inline void ferry_full_fence(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

#endif
