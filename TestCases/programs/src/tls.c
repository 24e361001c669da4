// __thread variables: initialised and zero-initialised, arrays, per-thread copies in pthreads.
// libs: -lpthread
#include <pthread.h>
#include <string.h>
#include "check.h"

static __thread int counter = 41;
static __thread long zeroed;
static __thread char name[32] = "main";
static __thread double weights[8] = {1, 2, 3, 4, 5, 6, 7, 8};
int shared_sum;
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static __attribute__((noinline)) int bump(int by) { counter += by; return counter; }

static void *worker(void *arg) {
    int id = (int)(long)arg;
    // A new thread sees the initial image, not main's changes.
    int initial_ok = counter == 41 && zeroed == 0 && strcmp(name, "main") == 0 && weights[7] == 8;
    snprintf(name, sizeof name, "worker-%d", id);
    for (int i = 0; i < 1000; i++) bump(id);
    for (int i = 0; i < 8; i++) weights[i] *= id;
    zeroed = id * 100L;
    double w = 0;
    for (int i = 0; i < 8; i++) w += weights[i];
    pthread_mutex_lock(&lock);
    shared_sum += counter;
    pthread_mutex_unlock(&lock);
    long result = initial_ok * 1000000L + counter * 10L + (long)w + zeroed + (long)strlen(name);
    return (void *)result;
}

int main(void) {
    printf("main initial: counter=%d zeroed=%ld name=%s w3=%g\n", counter, zeroed, name, weights[3]);
    CHECK(counter == 41);
    counter = 7;
    strcpy(name, "changed");
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)(i + 1));
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d result %ld\n", i + 1, (long)r);
        CHECK((long)r / 1000000 == 1);
    }
    printf("main after: counter=%d name=%s shared_sum=%d\n", counter, name, shared_sum);
    CHECK(counter == 7 && strcmp(name, "changed") == 0);
    CHECK(shared_sum == 41 * 4 + 1000 * (1 + 2 + 3 + 4));
    return CHECK_STATUS();
}
