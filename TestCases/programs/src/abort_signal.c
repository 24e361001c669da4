// abort() after output: the process dies of SIGABRT, seen by the runner as status 134.
// status: 134
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("calling abort\n");
    fflush(stdout);
    abort();
}
