// Vectorisable integer loops built at -O3: sum/min/max/xor reductions over 8-, 16-, 32- and
// 64-bit lanes, a byte histogram, saturating-style clamps and widening multiplies.
// opt: -O3
#include <stdint.h>
#include "check.h"

#define N 100003
static uint8_t bytes[N];
static int16_t shorts[N];
static int32_t words[N];
static int64_t longs[N];

static __attribute__((noinline)) int64_t sum32(const int32_t *x, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += x[i]; return s; }
static __attribute__((noinline)) int32_t min32(const int32_t *x, int n) { int32_t m = INT32_MAX; for (int i = 0; i < n; i++) m = x[i] < m ? x[i] : m; return m; }
static __attribute__((noinline)) int32_t max32(const int32_t *x, int n) { int32_t m = INT32_MIN; for (int i = 0; i < n; i++) m = x[i] > m ? x[i] : m; return m; }
static __attribute__((noinline)) uint64_t xor64(const int64_t *x, int n) { uint64_t s = 0; for (int i = 0; i < n; i++) s ^= (uint64_t)x[i]; return s; }
static __attribute__((noinline)) uint32_t sum8(const uint8_t *x, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s += x[i]; return s; }
static __attribute__((noinline)) int32_t sum16(const int16_t *x, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += x[i]; return s; }
static __attribute__((noinline)) void hist(const uint8_t *x, int n, uint32_t *h) { for (int i = 0; i < n; i++) h[x[i]]++; }
static __attribute__((noinline)) void clamp16(int16_t *x, int n) { for (int i = 0; i < n; i++) x[i] = x[i] > 1000 ? 1000 : x[i] < -1000 ? -1000 : x[i]; }
static __attribute__((noinline)) int64_t widemul(const int32_t *a, const int16_t *b, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += (int64_t)a[i] * b[i]; return s; }
static __attribute__((noinline)) void shifts(uint8_t *x, int n) { for (int i = 0; i < n; i++) x[i] = (uint8_t)((x[i] >> 1) | (x[i] << 7)) ^ 0x5a; }
static __attribute__((noinline)) uint32_t absdiff(const uint8_t *a, const uint8_t *b, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]; return s; }

int main(void) {
    unsigned long long s = 77;
    for (int i = 0; i < N; i++) {
        uint64_t r = lcg_next(&s);
        bytes[i] = (uint8_t)r; shorts[i] = (int16_t)(r >> 8); words[i] = (int32_t)(r >> 4);
        longs[i] = (int64_t)(r * 0x9E3779B97F4A7C15ULL);
    }
    printf("sum32 %lld min32 %d max32 %d\n", (long long)sum32(words, N), min32(words, N), max32(words, N));
    printf("xor64 %016llx sum8 %u sum16 %d\n", (unsigned long long)xor64(longs, N), sum8(bytes, N), sum16(shorts, N));
    uint32_t h[256] = {0};
    hist(bytes, N, h);
    uint32_t total = 0, hmax = 0; int argmax = 0;
    for (int i = 0; i < 256; i++) { total += h[i]; if (h[i] > hmax) { hmax = h[i]; argmax = i; } }
    printf("histogram total %u max %u at %d h[0]=%u h[255]=%u\n", total, hmax, argmax, h[0], h[255]);
    CHECK(total == N);
    printf("widemul %lld\n", (long long)widemul(words, shorts, N));
    clamp16(shorts, N);
    printf("clamped sum16 %d\n", sum16(shorts, N));
    uint8_t copy[N];
    for (int i = 0; i < N; i++) copy[i] = bytes[i];
    shifts(bytes, N);
    printf("rotated sum8 %u absdiff %u\n", sum8(bytes, N), absdiff(bytes, copy, N));
    // Cross-check a vectorised reduction against a scalar loop the compiler cannot vectorise.
    int64_t ref = 0;
    for (int i = 0; i < N; i++) { volatile int32_t v = words[i]; ref += v; }
    CHECK(ref == sum32(words, N));
    return CHECK_STATUS();
}
