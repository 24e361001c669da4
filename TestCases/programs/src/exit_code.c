// exit(3) after buffered output: stdout must be flushed by exit and the status must be 3.
// status: 3
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("about to exit with 3\n");
    printf("this line has no newline and must still be flushed");
    exit(3);
}
