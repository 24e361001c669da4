#ifndef CFERRYHOST_H
#define CFERRYHOST_H
#include <stdint.h>
#include <stddef.h>

/* Raw host system call: returns the kernel's value, -errno on failure (never touches errno). */
long ferry_host_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5);

/* Installs handlers that turn a host fault inside guest code into the guest dying of that signal. */
void ferry_install_fault_handlers(void);


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
