// Integer division edge cases. INT_MIN/-1 and division by zero are undefined in C and trap
// on x86-64 (SIGFPE) but are defined by the AArch64 architecture: SDIV/UDIV give INT_MIN and
// 0. So on x86-64 (the native oracle run) a model of the AArch64 rule produces the reference,
// and on AArch64 the real instructions run; the outputs must agree.
#include <limits.h>
#include <stdint.h>
#include "check.h"

#if defined(__aarch64__)
static __attribute__((noinline)) int32_t sdiv32(int32_t a, int32_t b) { int32_t r; __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b)); return r; }
static __attribute__((noinline)) int64_t sdiv64(int64_t a, int64_t b) { int64_t r; __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
static __attribute__((noinline)) uint32_t udiv32(uint32_t a, uint32_t b) { uint32_t r; __asm__("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b)); return r; }
static __attribute__((noinline)) uint64_t udiv64(uint64_t a, uint64_t b) { uint64_t r; __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
#else
static int32_t sdiv32(int32_t a, int32_t b) { return b == 0 ? 0 : (a == INT32_MIN && b == -1) ? INT32_MIN : a / b; }
static int64_t sdiv64(int64_t a, int64_t b) { return b == 0 ? 0 : (a == INT64_MIN && b == -1) ? INT64_MIN : a / b; }
static uint32_t udiv32(uint32_t a, uint32_t b) { return b == 0 ? 0 : a / b; }
static uint64_t udiv64(uint64_t a, uint64_t b) { return b == 0 ? 0 : a / b; }
#endif

int main(void) {
    volatile int32_t imin = INT32_MIN, m1 = -1, zero = 0, seven = 7;
    volatile int64_t lmin = INT64_MIN, lm1 = -1;
    printf("INT_MIN/-1 = %d\n", sdiv32(imin, m1));
    printf("LONG_MIN/-1 = %lld\n", (long long)sdiv64(lmin, lm1));
    printf("7/0 = %d, -7/0 = %d, 7u/0 = %u, 7ul/0 = %llu\n", sdiv32(seven, zero), sdiv32(-seven, zero),
           udiv32((uint32_t)seven, (uint32_t)zero), (unsigned long long)udiv64((uint64_t)seven, (uint64_t)zero));
    printf("INT_MIN/1 = %d, INT_MIN/2 = %d, INT_MIN/-2 = %d\n", sdiv32(imin, 1), sdiv32(imin, 2), sdiv32(imin, -2));

    // Ordinary C semantics: truncation toward zero, remainder takes the dividend's sign.
    int vals[] = {7, -7, 1, -1, 0, 100, -100, INT_MAX, INT_MIN + 1};
    int divs[] = {2, -2, 3, -3, 1, -1, 7, INT_MAX};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        for (size_t j = 0; j < sizeof divs / sizeof divs[0]; j++) {
            volatile int a = vals[i], b = divs[j];
            int q = a / b, r = a % b;
            CHECK(q * b + r == a);
            printf("%d/%d=%d r%d ", a, b, q, r);
        }
        putchar('\n');
    }
    unsigned long long s = 1;
    uint64_t sig = 0;
    for (int i = 0; i < 100000; i++) {
        volatile uint64_t a = lcg_next(&s) << 11 ^ lcg_next(&s), b = lcg_next(&s) >> (i % 53);
        volatile int64_t sa = (int64_t)a, sb = (int64_t)b * (i & 1 ? -1 : 1);
        if (b == 0) continue;
        sig += a / b + a % b + (uint64_t)(sa / sb) + (uint64_t)(sa % sb) + (uint32_t)a / ((uint32_t)b | 1);
    }
    printf("random division signature %016llx\n", (unsigned long long)sig);
    // Division by constants goes through multiply-high sequences.
    uint64_t c = 0;
    for (uint64_t x = 0; x < 3000000; x += 7) c += x / 3 + x / 10 + x % 7 + (uint64_t)((int64_t)-x / 9);
    printf("constant divisions %llu\n", (unsigned long long)c);
    return CHECK_STATUS();
}
