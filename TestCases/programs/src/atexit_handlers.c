// atexit handlers run in reverse registration order after main returns, can still print,
// and a handler registered from within a handler also runs; the status from main stays.
// status: 5
#include <stdio.h>
#include <stdlib.h>

static int order[8], n;
static void late(void) { printf("late handler (registered inside h2), calls so far %d\n", n); }
static void h1(void) { order[n++] = 1; printf("h1 runs last; order:"); for (int i = 0; i < n; i++) printf(" %d", order[i]); printf("\n"); }
static void h2(void) { order[n++] = 2; printf("h2\n"); atexit(late); }
static void h3(void) { order[n++] = 3; printf("h3 runs first\n"); }

int main(void) {
    if (atexit(h1) || atexit(h2) || atexit(h3)) return 1;
    printf("main returns 5\n");
    return 5;
}
