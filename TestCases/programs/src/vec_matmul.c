// Matrix multiply at -O3 (int32 and double, i-k-j order so the inner loop vectorises),
// a transpose, and a 2-D stencil; results are checksummed.
// opt: -O3
#include <stdint.h>
#include "check.h"

#define M 96
static int32_t ai[M][M], bi[M][M], ci[M][M];
static double ad[M][M], bd[M][M], cd[M][M], td[M][M];

static __attribute__((noinline)) void mm_int(void) {
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) ci[i][j] = 0;
    for (int i = 0; i < M; i++) for (int k = 0; k < M; k++) {
        int32_t a = ai[i][k];
        for (int j = 0; j < M; j++) ci[i][j] += a * bi[k][j];
    }
}
static __attribute__((noinline)) void mm_double(void) {
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) cd[i][j] = 0;
    for (int i = 0; i < M; i++) for (int k = 0; k < M; k++) {
        double a = ad[i][k];
        for (int j = 0; j < M; j++) cd[i][j] += a * bd[k][j];
    }
}
static __attribute__((noinline)) void stencil(void) {
    for (int i = 1; i < M - 1; i++) for (int j = 1; j < M - 1; j++)
        td[i][j] = 0.25 * (cd[i - 1][j] + cd[i + 1][j] + cd[i][j - 1] + cd[i][j + 1]) - cd[i][j];
}

int main(void) {
    unsigned long long s = 3;
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) {
        ai[i][j] = (int32_t)(lcg_next(&s) % 2001) - 1000;
        bi[i][j] = (int32_t)(lcg_next(&s) % 2001) - 1000;
        ad[i][j] = ai[i][j] / 7.0;
        bd[i][j] = bi[i][j] / 3.0;
    }
    mm_int();
    mm_double();
    stencil();
    int64_t isum = 0; uint64_t ihash = 0;
    double dsum = 0, tsum = 0;
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) {
        isum += ci[i][j]; ihash = ihash * 1000003 + (uint32_t)ci[i][j];
        dsum += cd[i][j]; tsum += td[i][j];
    }
    printf("int matmul sum %lld hash %016llx c[5][7]=%d\n", (long long)isum, (unsigned long long)ihash, ci[5][7]);
    printf("double matmul sum %.17g c[5][7]=%.17g\n", dsum, cd[5][7]);
    printf("stencil sum %.17g\n", tsum);
    // Spot-check one element with a plain dot product.
    int32_t e = 0;
    for (int k = 0; k < M; k++) e += ai[11][k] * bi[k][13];
    CHECK(e == ci[11][13]);
    return CHECK_STATUS();
}
