// Compute: sorting N (default 2M) pseudo-random integers with libc qsort, then checking order.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) { int32_t x = *(const int32_t *)a, y = *(const int32_t *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 2000000;
    int32_t *v = malloc(sizeof *v * (size_t)n);
    uint64_t s = 42;
    for (long i = 0; i < n; i++) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; v[i] = (int32_t)(s >> 32); }
    qsort(v, (size_t)n, sizeof *v, cmp);
    uint64_t h = 0;
    for (long i = 0; i < n; i++) { if (i && v[i - 1] > v[i]) { puts("unsorted"); return 1; } h = h * 31 + (uint32_t)v[i]; }
    printf("%ld %d %d %016llx\n", n, v[0], v[n - 1], (unsigned long long)h);
    return 0;
}
