// _exit(7) skips stdio flushing and atexit handlers: only the explicitly flushed line appears.
// status: 7
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void handler(void) { printf("atexit handler ran (must not)\n"); }

int main(void) {
    atexit(handler);
    printf("flushed line\n");
    fflush(stdout);
    printf("buffered line that _exit drops\n");
    _exit(7);
}
