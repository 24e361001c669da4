// Bit tricks: clz/ctz/popcount/parity/bswap/rotate on 32 and 64 bits, checked against loops.
#include <stdint.h>
#include "check.h"

static int clz64_ref(uint64_t x) { int n = 0; for (uint64_t m = 1ULL << 63; m && !(x & m); m >>= 1) n++; return n; }
static int ctz64_ref(uint64_t x) { int n = 0; while (n < 64 && !(x >> n & 1)) n++; return n; }
static int pop_ref(uint64_t x) { int n = 0; while (x) { n += x & 1; x >>= 1; } return n; }
static uint64_t bswap_ref(uint64_t x) { uint64_t r = 0; for (int i = 0; i < 8; i++) r = r << 8 | (x >> (8 * i) & 0xff); return r; }
static uint32_t rbit32(uint32_t x) { uint32_t r = 0; for (int i = 0; i < 32; i++) r |= (x >> i & 1) << (31 - i); return r; }
static __attribute__((noinline)) uint64_t rotl(uint64_t x, unsigned k) { return (x << (k & 63)) | (x >> (-k & 63)); }
static __attribute__((noinline)) uint32_t rotr32(uint32_t x, unsigned k) { return (x >> (k & 31)) | (x << (-k & 31)); }

int main(void) {
    unsigned long long s = 31337;
    uint64_t sig = 0;
    int bad = 0;
    for (int i = 0; i < 50000; i++) {
        uint64_t x = lcg_next(&s) << 11 ^ lcg_next(&s);
        x >>= i % 64;
        if (i % 7 == 0) x <<= i % 61;
        uint32_t w = (uint32_t)x;
        if (x) { bad += __builtin_clzll(x) != clz64_ref(x); bad += __builtin_ctzll(x) != ctz64_ref(x); }
        if (w) { bad += __builtin_clz(w) != clz64_ref(w) - 32; bad += __builtin_ctz(w) != ctz64_ref(w); }
        bad += __builtin_popcountll(x) != pop_ref(x);
        bad += __builtin_parityll(x) != (pop_ref(x) & 1);
        bad += __builtin_bswap64(x) != bswap_ref(x);
        bad += __builtin_bswap32(w) != (uint32_t)(bswap_ref(w) >> 32);
        bad += __builtin_bswap16((uint16_t)w) != (uint16_t)((w & 0xff) << 8 | (w >> 8 & 0xff));
        bad += __builtin_clrsbll((int64_t)x) != (clz64_ref((int64_t)x < 0 ? ~x : x) - 1);
        sig = sig * 31 + rotl(x, (unsigned)i) + rotr32(w, (unsigned)i) + rbit32(w) + (uint64_t)__builtin_ffsll((long long)x);
    }
    printf("mismatches: %d\n", bad);
    printf("signature: %016llx\n", (unsigned long long)sig);
    CHECK(bad == 0);
    // Classic tricks
    uint64_t v = 0x123456789abcdef0ULL;
    printf("lowest set bit %llx, clear lowest %llx, next pow2 of 1000 = %llu\n",
           (unsigned long long)(v & -v), (unsigned long long)(v & (v - 1)),
           1ULL << (64 - __builtin_clzll(1000 - 1)));
    printf("sign-extend 12-bit 0xfff = %lld, 0x7ff = %lld\n",
           (long long)((int64_t)((uint64_t)0xfff << 52) >> 52), (long long)((int64_t)((uint64_t)0x7ff << 52) >> 52));
    int32_t neg = -17;
    printf("arith shift %d logical %u\n", neg >> 2, (uint32_t)neg >> 2);
    return CHECK_STATUS();
}
