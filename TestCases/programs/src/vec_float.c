// Vectorisable float/double loops built at -O3 (NEON on AArch64): saxpy, daxpy, dot products
// with exact per-lane order kept (no -ffast-math), elementwise min/max/abs, and conversions.
// opt: -O3
#include <math.h>
#include "check.h"

#define N 4099   // not a multiple of any vector width: exercises the scalar tails
static float xf[N], yf[N];
static double xd[N], yd[N];
static int ints[N];

static __attribute__((noinline)) void saxpy(int n, float a, const float *x, float *y) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
static __attribute__((noinline)) void daxpy(int n, double a, const double *x, double *y) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
static __attribute__((noinline)) double dot(int n, const double *x, const double *y) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}
static __attribute__((noinline)) float dot4(int n, const float *x, const float *y) {
    // four independent partial sums: vectorises without reassociation
    float s[4] = {0, 0, 0, 0};
    for (int i = 0; i + 3 < n; i += 4)
        for (int k = 0; k < 4; k++) s[k] += x[i + k] * y[i + k];
    return (s[0] + s[1]) + (s[2] + s[3]);
}
static __attribute__((noinline)) void clampabs(int n, float *x, float lo, float hi) {
    for (int i = 0; i < n; i++) x[i] = fminf(fmaxf(fabsf(x[i]), lo), hi);
}
static __attribute__((noinline)) void convert(int n, const float *x, int *out, double *d) {
    for (int i = 0; i < n; i++) { out[i] = (int)x[i]; d[i] = (double)x[i] * 0.5; }
}

int main(void) {
    unsigned long long s = 5;
    for (int i = 0; i < N; i++) {
        xf[i] = (float)((long)(lcg_next(&s) % 20001) - 10000) / 64.0f;
        yf[i] = (float)((long)(lcg_next(&s) % 20001) - 10000) / 128.0f;
        xd[i] = (double)xf[i] / 3.0;
        yd[i] = (double)yf[i] * 1.25;
    }
    saxpy(N, 2.5f, xf, yf);
    daxpy(N, -0.75, xd, yd);
    double d1 = dot(N, xd, yd);
    float f4 = dot4(N, xf, yf);
    // Scalar reference for the same order of operations.
    double ref = 0;
    for (int i = 0; i < N; i++) { volatile double p = xd[i] * yd[i]; ref += p; }
    CHECK(d1 == ref);
    printf("dot double %.17g\n", d1);
    printf("dot4 float %.9g\n", f4);
    double ys = 0;
    for (int i = 0; i < N; i++) ys += yf[i];
    printf("saxpy sum %.17g y[0]=%.9g y[N-1]=%.9g\n", ys, yf[0], yf[N - 1]);
    clampabs(N, yf, 1.0f, 100.0f);
    double cs = 0;
    for (int i = 0; i < N; i++) { cs += yf[i]; CHECK(yf[i] >= 1.0f && yf[i] <= 100.0f); }
    printf("clamped sum %.17g\n", cs);
    convert(N, xf, ints, yd);
    long is = 0;
    for (int i = 0; i < N; i++) is += ints[i];
    printf("converted int sum %ld, half-double y[7]=%.17g\n", is, yd[7]);
    return CHECK_STATUS();
}
