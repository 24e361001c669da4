// setjmp/longjmp through several frames, volatile locals kept, sigsetjmp with a signal mask.
#include <setjmp.h>
#include <signal.h>
#include "check.h"

static jmp_buf env;
static int depth_reached;

static __attribute__((noinline)) void dive(int depth, int target) {
    volatile char pad[64];
    pad[depth % 64] = (char)depth;
    depth_reached = depth;
    if (depth == target) longjmp(env, depth * 10 + pad[depth % 64] % 3);
    dive(depth + 1, target);
    pad[0]++;
}

static sigjmp_buf senv;
static void on_usr1(int sig) { siglongjmp(senv, sig); }

int main(void) {
    for (int target = 0; target < 50; target += 7) {
        volatile int counter = 100;
        int r = setjmp(env);
        if (r == 0) {
            counter = 200;
            dive(0, target);
            CHECK(!"dive returned");
        }
        printf("target %d: setjmp returned %d, depth %d, counter %d\n", target, r, depth_reached, counter);
        CHECK(counter == 200);
    }
    // longjmp(env, 0) must make setjmp return 1.
    volatile int rounds = 0;
    int r = setjmp(env);
    if (rounds++ == 0) longjmp(env, 0);
    printf("longjmp value 0 arrives as %d\n", r);
    CHECK(r == 1);

    // sigsetjmp(…, 1) restores the mask that was blocked when the handler ran.
    signal(SIGUSR1, on_usr1);
    sigset_t before, after;
    sigprocmask(SIG_SETMASK, NULL, &before);
    int s = sigsetjmp(senv, 1);
    if (s == 0) {
        raise(SIGUSR1);
        CHECK(!"handler returned");
    }
    sigprocmask(SIG_SETMASK, NULL, &after);
    printf("siglongjmp from handler returned %d, SIGUSR1 blocked after: %d\n", s == SIGUSR1,
           sigismember(&after, SIGUSR1));
    CHECK(sigismember(&before, SIGUSR1) == sigismember(&after, SIGUSR1));
    return CHECK_STATUS();
}
