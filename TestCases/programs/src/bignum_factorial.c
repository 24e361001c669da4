// Big-number arithmetic in base 10^9: 1000! (digit count, digit sum, trailing zeros, all
// digits for 100!), 2^4000, and Fibonacci(5000), with checks from exact identities.
#include <stdint.h>
#include <string.h>
#include "check.h"

#define BASE 1000000000u
typedef struct { uint32_t limb[1200]; int n; } big;

static void set(big *a, uint32_t v) { a->n = 1; a->limb[0] = v; }
static void mul_small(big *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) { uint64_t t = (uint64_t)a->limb[i] * m + carry; a->limb[i] = (uint32_t)(t % BASE); carry = t / BASE; }
    while (carry) { a->limb[a->n++] = (uint32_t)(carry % BASE); carry /= BASE; }
}
static void add(big *r, const big *a, const big *b) {
    uint32_t carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        uint32_t t = (i < a->n ? a->limb[i] : 0) + (i < b->n ? b->limb[i] : 0) + carry;
        carry = t >= BASE; r->limb[i] = t - (carry ? BASE : 0);
    }
    r->n = n;
    if (carry) r->limb[r->n++] = 1;
}
static uint32_t div_small(big *a, uint32_t d) {
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) { uint64_t t = rem * BASE + a->limb[i]; a->limb[i] = (uint32_t)(t / d); rem = t % d; }
    while (a->n > 1 && a->limb[a->n - 1] == 0) a->n--;
    return (uint32_t)rem;
}
static int to_string(const big *a, char *out) {
    int len = sprintf(out, "%u", a->limb[a->n - 1]);
    for (int i = a->n - 2; i >= 0; i--) len += sprintf(out + len, "%09u", a->limb[i]);
    return len;
}

int main(void) {
    static char buf[12000];
    static big f, g, h, t;
    set(&f, 1);
    for (uint32_t i = 2; i <= 100; i++) mul_small(&f, i);
    to_string(&f, buf);
    printf("100! = %s\n", buf);
    for (uint32_t i = 101; i <= 1000; i++) mul_small(&f, i);
    int len = to_string(&f, buf);
    int digit_sum = 0, zeros = 0;
    for (int i = 0; i < len; i++) digit_sum += buf[i] - '0';
    for (int i = len - 1; buf[i] == '0'; i--) zeros++;
    printf("1000!: %d digits, digit sum %d, trailing zeros %d, leading %.20s\n", len, digit_sum, zeros, buf);
    CHECK(len == 2568 && zeros == 249);
    // Dividing by 1000..2 must leave exactly 1 with no remainders.
    int rem_nonzero = 0;
    for (uint32_t i = 1000; i >= 2; i--) rem_nonzero += div_small(&f, i) != 0;
    CHECK(rem_nonzero == 0 && f.n == 1 && f.limb[0] == 1);

    set(&g, 1);
    for (int i = 0; i < 4000; i++) mul_small(&g, 2);
    len = to_string(&g, buf);
    printf("2^4000: %d digits, ends %s\n", len, buf + len - 12);
    set(&g, 0); set(&h, 1);
    for (int i = 0; i < 5000; i++) { add(&t, &g, &h); g = h; h = t; }
    len = to_string(&g, buf);
    printf("fib(5000): %d digits, starts %.15s ends %s\n", len, buf, buf + len - 15);
    CHECK(len == 1045);
    return CHECK_STATUS();
}
