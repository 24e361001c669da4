// printf of float, double and long double with %f %e %g %a, widths, flags and rounding edges.
// long double is 80-bit x87 on x86-64 but IEEE binary128 on AArch64, so long double lines
// print at most 15 significant digits (both formats agree there) and never use %La, whose
// output shape differs by format by design.
#include <float.h>
#include <math.h>
#include <string.h>
#include "check.h"

int main(void) {
    double vals[] = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1e-5, 1e-4, 123456.0,
                     1234567.0, 1e21, 1e23, 3.141592653589793, 1.0 / 3.0, DBL_MIN, DBL_EPSILON,
                     4.9406564584124654e-324, 9007199254740993.0, 0.1, 100.0, 1e300 * 10};
    const char *fmts[] = {"%f", "%.0f", "%.1f", "%.2f", "%e", "%.3e", "%g", "%.3g", "%.17g",
                          "%a", "%.3a", "%+12.4f", "%-12.3e|", "%012.3f", "%#g", "%#.0f", "%G", "%E"};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        printf("[%zu]", i);
        for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
            putchar(' ');
            printf(fmts[f], vals[i]);
        }
        putchar('\n');
    }
    printf("inf: %f %F %e %g %a\n", HUGE_VAL, HUGE_VAL, -HUGE_VAL, HUGE_VAL, -HUGE_VAL);
    printf("nan: %f %F %e\n", __builtin_nan(""), __builtin_nan(""), -__builtin_nan(""));
    printf("DBL_MAX: %.0f\n", DBL_MAX);
    printf("DBL_MAX: %.20e\n", DBL_MAX);

    // Ties: glibc rounds exactly representable halves to even.
    char b[64];
    snprintf(b, sizeof b, "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5);
    printf("ties: %s\n", b);
    CHECK(strcmp(b, "0 2 2 4") == 0);
    snprintf(b, sizeof b, "%.2f", 2.675);          // 2.67499999... in binary
    CHECK(strcmp(b, "2.67") == 0);
    snprintf(b, sizeof b, "%a", 1.0);
    CHECK(strcmp(b, "0x1p+0") == 0);

    float fv[] = {16777217.0f, 0.1f, 3.4028235e38f, 1.17549435e-38f, 1.0e-45f, -7.25f};
    for (size_t i = 0; i < sizeof fv / sizeof fv[0]; i++)
        printf("float %.9g %e %a %f\n", fv[i], fv[i], fv[i], fv[i]);

    long double lv[] = {1.5L, -0.25L, 1.0L / 3.0L, 2.5L, 0.1L, 12345678.875L};
    for (size_t i = 0; i < sizeof lv / sizeof lv[0]; i++)
        printf("ld %.15Lg %.10Le %.3Lf %Lg\n", lv[i], lv[i], lv[i], lv[i]);
    // Beyond double range, yet only 15 digits: the full %Lf expansion differs by format.
    printf("ld big %.10Le %.15Lg\n", 1e300L * 1e100L, 1e300L * 1e100L);
    long double h = 0;
    for (int k = 1; k <= 1000; k++) h += 1.0L / k;
    printf("ld harmonic(1000) %.15Lg\n", h);
    printf("ld sqrt2 %.15Lg\n", sqrtl(2.0L));
    CHECK(h > 7.48L && h < 7.49L);

    // Integer formats ride along: widths, signs, lengths.
    printf("ints: %d %5d %-5d| %05d %+d %x %X %#x %o %#o %lld %llu %hhd %hd %zu %%\n",
           -42, 42, 42, 42, 42, 0xbeef, 0xbeef, 255, 8, 8, -9223372036854775807LL - 1,
           18446744073709551615ULL, (signed char)200, (short)70000, (size_t)123);
    printf("strings: [%s] [%10s] [%-10s] [%.3s] [%c]\n", "abc", "abc", "abc", "abcdef", 'z');
    return CHECK_STATUS();
}
