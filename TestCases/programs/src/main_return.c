// Returning 300 from main: the status is truncated to 8 bits (300 & 255 = 44).
// status: 44
#include <stdio.h>

int main(void) {
    fputs("returning 300 from main\n", stdout);
    return 300;
}
