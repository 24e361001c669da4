// Sieve of Eratosthenes to 5,000,000 (byte array) cross-checked by a bit-packed odd-only
// sieve and trial division on samples; prints counts per decade and the last primes.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

#define LIMIT 5000000

static int is_prime_trial(uint32_t n) {
    if (n < 2) return 0;
    for (uint32_t d = 2; d * d <= n; d++) if (n % d == 0) return 0;
    return 1;
}

int main(void) {
    unsigned char *comp = calloc(LIMIT + 1, 1);
    for (uint32_t i = 2; (uint64_t)i * i <= LIMIT; i++)
        if (!comp[i]) for (uint32_t j = i * i; j <= LIMIT; j += i) comp[j] = 1;
    uint64_t *bits = calloc(LIMIT / 128 + 1, 8);   // bit k = odd number 2k+1 composite
    for (uint32_t i = 3; (uint64_t)i * i <= LIMIT; i += 2)
        if (!(bits[i / 2 / 64] >> (i / 2 % 64) & 1))
            for (uint32_t j = i * i; j <= LIMIT; j += 2 * i) bits[j / 2 / 64] |= 1ULL << (j / 2 % 64);
    long count = 0, mismatches = 0;
    uint64_t sum = 0;
    long decade = 10;
    for (uint32_t n = 2; n <= LIMIT; n++) {
        int p = !comp[n];
        int q = n == 2 || (n & 1 && !(bits[n / 2 / 64] >> (n / 2 % 64) & 1));
        mismatches += p != q;
        if (p) { count++; sum += n; }
        if (n == decade) { printf("pi(%ld) = %ld\n", decade, count); decade *= 10; }
    }
    printf("pi(%d) = %ld, sum = %llu\n", LIMIT, count, (unsigned long long)sum);
    printf("last primes:");
    for (uint32_t n = LIMIT, k = 0; k < 5; n--) if (!comp[n]) { printf(" %u", n); k++; }
    putchar('\n');
    unsigned long long s = 1;
    for (int i = 0; i < 2000; i++) {
        uint32_t n = (uint32_t)(lcg_next(&s) % LIMIT);
        mismatches += is_prime_trial(n) != !comp[n] && n >= 2;
    }
    printf("mismatches %ld\n", mismatches);
    CHECK(mismatches == 0);
    CHECK(count == 348513);
    free(comp); free(bits);
    return CHECK_STATUS();
}
