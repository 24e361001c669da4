// pthreads under contention, 16 threads at a time: atomic fetch_add, CAS loops and a 16-byte
// CAS, mutexes, condition variables (bounded queue), barriers, rwlocks, counting semaphores,
// a robust mutex whose owner dies (EOWNERDEAD, then pthread_mutex_consistent), a
// priority-inheritance mutex, deferred cancellation with cleanup handlers, pthread_kill to
// every thread, thread-local storage, detached threads and join results. Only totals and
// invariants are printed, so the output does not depend on scheduling. Sized to finish in a
// few seconds under emulation.
// libs: -lpthread -latomic
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define N 16
static pthread_t tid[N];

static void run_all(void *(*fn)(void *)) {
    for (long i = 0; i < N; i++) CHECK(pthread_create(&tid[i], NULL, fn, (void *)i) == 0);
}
static long join_all(void) {
    long sum = 0;
    for (int i = 0; i < N; i++) {
        void *r;
        CHECK(pthread_join(tid[i], &r) == 0);
        sum += (long)r;
    }
    return sum;
}

// ---- atomics ----
static long fa_counter;
static unsigned cas_counter;
static unsigned __int128 wide;   // low half counts, high half is always 3 x low
static long wide_torn;
#define FA_ITERS 20000
#define CAS_ITERS 5000
#define WIDE_ITERS 2000
static void *atomics_worker(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < FA_ITERS; i++) __atomic_fetch_add(&fa_counter, 1, __ATOMIC_RELAXED);
    for (int i = 0; i < CAS_ITERS; i++) {
        unsigned old = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_counter, &old, old + 1, 1, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {}
    }
    for (int i = 0; i < WIDE_ITERS; i++) {
        unsigned __int128 old = __atomic_load_n(&wide, __ATOMIC_ACQUIRE), next;
        do {
            uint64_t lo = (uint64_t)old, hi = (uint64_t)(old >> 64);
            if (hi != 3 * lo) __atomic_fetch_add(&wide_torn, 1, __ATOMIC_RELAXED);
            next = ((unsigned __int128)(hi + 3) << 64) | (lo + 1);
        } while (!__atomic_compare_exchange_n(&wide, &old, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
    }
    return (void *)id;
}

// ---- mutex ----
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long mtx_counter, mtx_shadow;
static long mtx_broken;
static void *mutex_worker(void *arg) {
    (void)arg;
    for (int i = 0; i < 3000; i++) {
        pthread_mutex_lock(&mtx);
        long v = mtx_counter;
        if (v != mtx_shadow) mtx_broken++;
        mtx_counter = v + 1;
        mtx_shadow = v + 1;
        pthread_mutex_unlock(&mtx);
    }
    return NULL;
}

// ---- condition variables: 8 producers, 8 consumers, queue of 16 ----
static pthread_mutex_t qm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER, q_not_full = PTHREAD_COND_INITIALIZER;
static int queue[16], q_head, q_count, producers_left;
#define ITEMS_PER_PRODUCER 1500
static void *cond_worker(void *arg) {
    long id = (long)arg;
    long sum = 0;
    if (id < N / 2) {
        for (int i = 1; i <= ITEMS_PER_PRODUCER; i++) {
            pthread_mutex_lock(&qm);
            while (q_count == 16) pthread_cond_wait(&q_not_full, &qm);
            queue[(q_head + q_count) % 16] = (int)(id * 10000 + i);
            q_count++;
            pthread_cond_signal(&q_not_empty);
            pthread_mutex_unlock(&qm);
        }
        pthread_mutex_lock(&qm);
        if (--producers_left == 0) pthread_cond_broadcast(&q_not_empty);
        pthread_mutex_unlock(&qm);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&qm);
        while (q_count == 0 && producers_left > 0) pthread_cond_wait(&q_not_empty, &qm);
        if (q_count == 0) { pthread_mutex_unlock(&qm); break; }
        sum += queue[q_head];
        q_head = (q_head + 1) % 16;
        q_count--;
        pthread_cond_signal(&q_not_full);
        pthread_mutex_unlock(&qm);
    }
    return (void *)sum;
}

// ---- barrier: each round every thread writes its slot, then all check the sum ----
static pthread_barrier_t bar;
static int slots[N];
static int serial_count, barrier_bad;
#define ROUNDS 50
static void *barrier_worker(void *arg) {
    long id = (long)arg;
    for (int r = 1; r <= ROUNDS; r++) {
        slots[id] = r;
        int s = pthread_barrier_wait(&bar);
        if (s == PTHREAD_BARRIER_SERIAL_THREAD) __atomic_fetch_add(&serial_count, 1, __ATOMIC_RELAXED);
        else if (s != 0) __atomic_fetch_add(&barrier_bad, 1, __ATOMIC_RELAXED);
        int total = 0;
        for (int i = 0; i < N; i++) total += __atomic_load_n(&slots[i], __ATOMIC_RELAXED);
        if (total != N * r) __atomic_fetch_add(&barrier_bad, 1, __ATOMIC_RELAXED);
        pthread_barrier_wait(&bar);   // nobody starts the next round before all have checked
    }
    return NULL;
}

// ---- rwlock: 4 writers keep a == b, 12 readers check it ----
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_a, rw_b, rw_bad, rw_reads;
static void *rwlock_worker(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 1500; i++) {
        if (id < 4) {
            pthread_rwlock_wrlock(&rw);
            rw_a++;
            sched_yield();
            rw_b++;
            pthread_rwlock_unlock(&rw);
        } else {
            pthread_rwlock_rdlock(&rw);
            if (rw_a != rw_b) __atomic_fetch_add(&rw_bad, 1, __ATOMIC_RELAXED);
            __atomic_fetch_add(&rw_reads, 1, __ATOMIC_RELAXED);
            pthread_rwlock_unlock(&rw);
        }
    }
    return NULL;
}

// ---- counting semaphore: never more than 4 holders ----
static sem_t slots_sem;
static int holders, max_holders;
static void *sem_worker(void *arg) {
    (void)arg;
    for (int i = 0; i < 300; i++) {
        while (sem_wait(&slots_sem) == -1 && errno == EINTR) {}
        int h = __atomic_add_fetch(&holders, 1, __ATOMIC_ACQ_REL);
        int m = __atomic_load_n(&max_holders, __ATOMIC_RELAXED);
        while (h > m && !__atomic_compare_exchange_n(&max_holders, &m, h, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {}
        __atomic_sub_fetch(&holders, 1, __ATOMIC_ACQ_REL);
        sem_post(&slots_sem);
    }
    return NULL;
}

// ---- robust mutex whose owner exits while holding it ----
static pthread_mutex_t robust;
static void *die_holding(void *arg) {
    (void)arg;
    CHECK(pthread_mutex_lock(&robust) == 0);
    return NULL;   // exits with the mutex held
}

// ---- priority-inheritance mutex ----
static pthread_mutex_t pi;
static long pi_counter;
static void *pi_worker(void *arg) {
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        CHECK(pthread_mutex_lock(&pi) == 0);
        pi_counter++;
        CHECK(pthread_mutex_unlock(&pi) == 0);
    }
    return NULL;
}

// ---- cancellation ----
static int cancel_pipe[2];
static int cleanups_run;
static void cleanup(void *arg) { __atomic_fetch_add(&cleanups_run, (int)(long)arg, __ATOMIC_RELAXED); }
static void *cancel_worker(void *arg) {
    long id = (long)arg;
    pthread_cleanup_push(cleanup, (void *)1);
    pthread_cleanup_push(cleanup, (void *)100);
    if (id % 2 == 0) {
        char c;
        read(cancel_pipe[0], &c, 1);   // a cancellation point that blocks until cancelled
    } else {
        // Cancellation disabled: the request stays pending until re-enabled and tested.
        int old;
        pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
        usleep(2000);
        pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
        for (;;) { pthread_testcancel(); usleep(1000); }
    }
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return (void *)7;   // never reached when cancelled
}

// ---- pthread_kill + TLS ----
static __thread long tls_value = 7;
static __thread int tls_signals, tls_id;
static int kill_ready, kill_release, seen[N];
static void on_usr1(int sig) { (void)sig; tls_signals++; __atomic_fetch_add(&seen[tls_id], 1, __ATOMIC_RELEASE); }
static void *kill_worker(void *arg) {
    long id = (long)arg;
    tls_id = (int)id;
    for (int i = 0; i < 1000; i++) tls_value += id;
    __atomic_fetch_add(&kill_ready, 1, __ATOMIC_ACQ_REL);
    while (!__atomic_load_n(&kill_release, __ATOMIC_ACQUIRE)) usleep(500);
    // Each thread got exactly the signals aimed at it: id % 3 + 1.
    return (void *)(tls_value * 10 + tls_signals);
}

// ---- detached threads ----
static sem_t detached_done;
static long detached_sum;
static void *detached_worker(void *arg) {
    __atomic_fetch_add(&detached_sum, (long)arg * 2, __ATOMIC_RELAXED);
    sem_post(&detached_done);
    return NULL;
}

int main(void) {
    run_all(atomics_worker);
    long ids = join_all();
    printf("atomics: fetch_add %ld, CAS loop %u, 16-byte CAS low %llu high %llu, torn reads %ld, join sum %ld\n",
           fa_counter, cas_counter, (unsigned long long)(uint64_t)wide, (unsigned long long)(uint64_t)(wide >> 64),
           wide_torn, ids);

    run_all(mutex_worker);
    join_all();
    printf("mutex: counter %ld, broken critical sections %ld\n", mtx_counter, mtx_broken);

    producers_left = N / 2;
    run_all(cond_worker);
    long consumed = join_all();
    long expected = 0;
    for (long p = 0; p < N / 2; p++)
        for (int i = 1; i <= ITEMS_PER_PRODUCER; i++) expected += p * 10000 + i;
    printf("condvar queue: consumed sum %ld, matches produced %d, left in queue %d\n", consumed, consumed == expected,
           q_count);

    CHECK(pthread_barrier_init(&bar, NULL, N) == 0);
    run_all(barrier_worker);
    join_all();
    CHECK(pthread_barrier_destroy(&bar) == 0);
    printf("barrier: %d rounds, serial threads %d, bad rounds %d\n", ROUNDS, serial_count, barrier_bad);

    run_all(rwlock_worker);
    join_all();
    printf("rwlock: writes %ld/%ld, reads %ld, inconsistent reads %ld\n", rw_a, rw_b, rw_reads, rw_bad);

    CHECK(sem_init(&slots_sem, 0, 4) == 0);
    run_all(sem_worker);
    join_all();
    int sv = -1;
    sem_getvalue(&slots_sem, &sv);
    printf("semaphore: at most 4 holders %d, value back to %d\n", max_holders >= 1 && max_holders <= 4, sv);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    CHECK(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST) == 0);
    CHECK(pthread_mutex_init(&robust, &ma) == 0);
    pthread_t t;
    CHECK(pthread_create(&t, NULL, die_holding, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    // Timed, so an emulator without robust-list support shows ETIMEDOUT instead of hanging.
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 5;
    int r1 = pthread_mutex_timedlock(&robust, &deadline);
    int r2 = pthread_mutex_consistent(&robust);
    int r3 = pthread_mutex_unlock(&robust);
    int r4 = pthread_mutex_lock(&robust);
    int r5 = pthread_mutex_unlock(&robust);
    printf("robust mutex: lock after owner died %s, consistent %d, unlock %d, relock %d, unlock %d\n",
           r1 == EOWNERDEAD ? "EOWNERDEAD" : strerror(r1), r2, r3, r4, r5);

    pthread_mutexattr_t pa;
    pthread_mutexattr_init(&pa);
    CHECK(pthread_mutexattr_setprotocol(&pa, PTHREAD_PRIO_INHERIT) == 0);
    CHECK(pthread_mutex_init(&pi, &pa) == 0);
    run_all(pi_worker);
    join_all();
    int trylock_free = pthread_mutex_trylock(&pi);
    pthread_mutex_unlock(&pi);
    printf("PI mutex: counter %ld, trylock when free %d\n", pi_counter, trylock_free);

    CHECK(pipe(cancel_pipe) == 0);
    run_all(cancel_worker);
    usleep(20000);
    for (int i = 0; i < N; i++) CHECK(pthread_cancel(tid[i]) == 0);
    int cancelled = 0;
    for (int i = 0; i < N; i++) {
        void *r;
        CHECK(pthread_join(tid[i], &r) == 0);
        cancelled += r == PTHREAD_CANCELED;
    }
    printf("cancellation: %d of %d joined as PTHREAD_CANCELED, cleanup handler total %d\n", cancelled, N,
           cleanups_run);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    run_all(kill_worker);
    while (__atomic_load_n(&kill_ready, __ATOMIC_ACQUIRE) < N) usleep(500);
    for (int i = 0; i < N; i++)
        for (int k = 0; k <= i % 3; k++) {
            // Standard signals coalesce: wait until the previous one was taken.
            CHECK(pthread_kill(tid[i], SIGUSR1) == 0);
            for (int w = 0; w < 10000 && __atomic_load_n(&seen[i], __ATOMIC_ACQUIRE) <= k; w++) usleep(500);
        }
    __atomic_store_n(&kill_release, 1, __ATOMIC_RELEASE);
    long kill_sum = join_all();
    printf("pthread_kill + TLS: join sum %ld, main's TLS still %ld\n", kill_sum, tls_value);

    CHECK(sem_init(&detached_done, 0, 0) == 0);
    pthread_attr_t da;
    pthread_attr_init(&da);
    CHECK(pthread_attr_setdetachstate(&da, PTHREAD_CREATE_DETACHED) == 0);
    for (long i = 0; i < N; i++) CHECK(pthread_create(&t, &da, detached_worker, (void *)i) == 0);
    for (int i = 0; i < N; i++) while (sem_wait(&detached_done) == -1 && errno == EINTR) {}
    printf("detached: sum %ld\n", __atomic_load_n(&detached_sum, __ATOMIC_ACQUIRE));

    return CHECK_STATUS();
}
