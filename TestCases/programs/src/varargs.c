// Variadic functions: ints, longs, doubles, long doubles, pointers and va_copy, with more
// arguments than fit in registers so some come from the stack.
#include <stdarg.h>
#include <string.h>
#include "check.h"

// fmt letters: i=int l=long d=double L=long double s=string
static double sum(const char *fmt, ...) {
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    double total = 0;
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += (double)va_arg(ap, long); break;
        case 'd': total += va_arg(ap, double); break;
        case 'L': total += (double)va_arg(ap, long double); break;
        case 's': total += (double)strlen(va_arg(ap, const char *)); break;
        }
    }
    va_end(ap);
    // The copy walks the same arguments again.
    double second = 0;
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'i': second += va_arg(again, int); break;
        case 'l': second += (double)va_arg(again, long); break;
        case 'd': second += va_arg(again, double); break;
        case 'L': second += (double)va_arg(again, long double); break;
        case 's': second += (double)strlen(va_arg(again, const char *)); break;
        }
    }
    va_end(again);
    CHECK(total == second);
    return total;
}

static int vformat(char *out, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return r;
}

static long count_until_zero(int first, ...) {
    va_list ap;
    va_start(ap, first);
    long n = 0, s = 0;
    for (int v = first; v != 0; v = va_arg(ap, int)) { n++; s += v; }
    va_end(ap);
    return n * 1000 + s;
}

int main(void) {
    double a = sum("iiiiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    double b = sum("dddddddddddd", 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5);
    double c = sum("idldLsidldLsid", 1, 0.25, 3L, 0.5, 2.0L, "hello", -4, 1e3, -5L, 0.125, 8.5L,
                   "", 77, -0.75);
    printf("ints %g doubles %g mixed %.6f\n", a, b, c);
    CHECK(a == 78 && b == 72);
    char buf[128];
    int n = vformat(buf, sizeof buf, "%d|%s|%.3f|%c|%ld|%Lg", -7, "str", 2.5, 'q', 1L << 40, 0.5L);
    printf("vsnprintf: %s (%d)\n", buf, n);
    CHECK(strcmp(buf, "-7|str|2.500|q|1099511627776|0.5") == 0);
    n = vformat(buf, 8, "%s", "truncate-me-please");
    printf("truncated: %s (%d)\n", buf, n);
    long k = count_until_zero(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0);
    printf("count_until_zero: %ld\n", k);
    CHECK(k == 11110);
    return CHECK_STATUS();
}
