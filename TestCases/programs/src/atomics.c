// C11 atomics across threads: fetch_add, compare-exchange loops, exchange, and a spinlock
// built on test-and-set. GCC on AArch64 calls out-of-line helpers that pick LSE atomics or
// exclusive load/store pairs from HWCAP, so both paths are exercised depending on the CPU.
// libs: -lpthread -latomic
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include "check.h"

#define T 4
#define N 100000
static atomic_long counter;
static atomic_uint_fast64_t maxseen;
static atomic_flag lock = ATOMIC_FLAG_INIT;
static long plain;
static _Atomic unsigned char small;
static _Atomic unsigned short medium;

static void *work(void *arg) {
    long id = (long)arg;
    for (long i = 0; i < N; i++) {
        atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed);
        uint64_t v = (uint64_t)(id * N + i), cur = atomic_load(&maxseen);
        while (cur < v && !atomic_compare_exchange_weak(&maxseen, &cur, v)) {}
        while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) {}
        plain++;
        atomic_flag_clear_explicit(&lock, memory_order_release);
        atomic_fetch_add(&small, 1);
        atomic_fetch_xor(&medium, (unsigned short)(i & 0xff));
    }
    return NULL;
}

int main(void) {
    pthread_t t[T];
    for (long i = 0; i < T; i++) pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < T; i++) pthread_join(t[i], NULL);
    printf("counter %ld plain %ld max %llu small %u medium %u\n", atomic_load(&counter), plain,
           (unsigned long long)atomic_load(&maxseen), (unsigned)atomic_load(&small), (unsigned)atomic_load(&medium));
    CHECK(atomic_load(&counter) == T * N && plain == T * N);
    CHECK(atomic_load(&maxseen) == (uint64_t)(T * N - 1));
    CHECK(atomic_load(&small) == (unsigned char)(T * N));
    long old = atomic_exchange(&counter, -5);
    long expect = -5;
    int swapped = atomic_compare_exchange_strong(&counter, &expect, 77);
    long wrong = 1;
    int not_swapped = !atomic_compare_exchange_strong(&counter, &wrong, 0);
    printf("exchange returned %ld, cas ok %d, failed cas saw %ld (%d)\n", old, swapped, wrong, not_swapped);
    CHECK(old == T * N && swapped && wrong == 77 && not_swapped);
    __int128 wide = 0;
    __atomic_store_n(&wide, (__int128)1 << 100, __ATOMIC_SEQ_CST);
    printf("128-bit atomic store/load ok: %d\n", __atomic_load_n(&wide, __ATOMIC_SEQ_CST) == (__int128)1 << 100);
    return CHECK_STATUS();
}
