// Deep recursion: 100000 frames of a function whose result depends on work after the call,
// so the compiler cannot turn it into a loop; plus mutual recursion and Ackermann.
#include "check.h"

static __attribute__((noipa)) unsigned long deep(unsigned long n) {
    volatile unsigned long local = n * 2654435761u;
    if (n == 0) return 1;
    unsigned long h = deep(n - 1);
    return (h ^ local) * 31 + (h >> 3);
}

static __attribute__((noipa)) int is_odd(unsigned n);
static __attribute__((noipa)) int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1) * 1; }
static __attribute__((noipa)) int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1) * 1; }

static __attribute__((noipa)) unsigned long ackermann(unsigned long m, unsigned long n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void) {
    unsigned long a = deep(100000), b = deep(100000);
    printf("deep(100000) = %lu\n", a);
    CHECK(a == b);
    printf("is_even(50001) = %d, is_odd(50001) = %d\n", is_even(50001), is_odd(50001));
    CHECK(is_odd(50001) == 1);
    unsigned long ack = ackermann(2, 500) + ackermann(3, 6);
    printf("ackermann(2,500)+ackermann(3,6) = %lu\n", ack);
    CHECK(ack == 1003 + 509);
    return CHECK_STATUS();
}
