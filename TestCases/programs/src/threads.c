// pthreads: a mutex-protected counter, a condition-variable producer/consumer queue, a
// barrier, and thread return values; output is made deterministic by joining in order.
// libs: -lpthread
#include <pthread.h>
#include "check.h"

#define THREADS 4
#define ITEMS 20000
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static long counter;
static int queue[64], head, tail, count, done_producing;
static pthread_barrier_t barrier;

static void *incrementer(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 50000; i++) { pthread_mutex_lock(&m); counter++; pthread_mutex_unlock(&m); }
    pthread_barrier_wait(&barrier);
    // After the barrier every thread sees the final count.
    pthread_mutex_lock(&m);
    long seen = counter;
    pthread_mutex_unlock(&m);
    return (void *)(seen * 10 + id);
}

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&m);
        while (count == 64) pthread_cond_wait(&not_full, &m);
        queue[tail] = i; tail = (tail + 1) % 64; count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    done_producing = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0, n = 0;
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 0 && !done_producing) pthread_cond_wait(&not_empty, &m);
        if (count == 0 && done_producing) { pthread_mutex_unlock(&m); break; }
        int v = queue[head]; head = (head + 1) % 64; count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
        sum += v; n++;
    }
    return (void *)(sum * 100000 + n);   // sum and count packed
}

int main(void) {
    pthread_t t[THREADS];
    pthread_barrier_init(&barrier, NULL, THREADS);
    for (long i = 0; i < THREADS; i++) CHECK(pthread_create(&t[i], NULL, incrementer, (void *)i) == 0);
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("incrementer %d saw %ld\n", i, (long)r / 10);
        CHECK((long)r % 10 == i && (long)r / 10 == THREADS * 50000L);
    }
    printf("counter %ld\n", counter);

    pthread_t p, c[3];
    pthread_create(&p, NULL, producer, NULL);
    for (int i = 0; i < 3; i++) pthread_create(&c[i], NULL, consumer, NULL);
    pthread_join(p, NULL);
    long total = 0, items = 0;
    for (int i = 0; i < 3; i++) {
        void *r;
        pthread_join(c[i], &r);
        total += (long)r / 100000; items += (long)r % 100000;
    }
    printf("consumed %ld items summing to %ld\n", items, total);
    CHECK(items == ITEMS && total == (long)ITEMS * (ITEMS + 1) / 2);
    pthread_barrier_destroy(&barrier);
    return CHECK_STATUS();
}
