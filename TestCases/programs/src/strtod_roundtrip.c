// strtod/strtof/strtol/strtoul: round trips through %.17g / %a, bases, ERANGE and end pointers.
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

int main(void) {
    unsigned long long s = 2024;
    int ok17 = 0, oka = 0, okf = 0;
    double sum = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned long long bits = lcg_next(&s) << 11 ^ lcg_next(&s);
        double d;
        memcpy(&d, &bits, sizeof d);
        if (isnan(d) || isinf(d)) continue;
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        double back = strtod(buf, NULL);
        if (memcmp(&back, &d, sizeof d) == 0) ok17++; else printf("mismatch %s\n", buf);
        snprintf(buf, sizeof buf, "%a", d);
        if (strtod(buf, NULL) == d) oka++;
        float f = (float)d;
        if (!isinf(f)) {
            snprintf(buf, sizeof buf, "%.9g", f);
            if (strtof(buf, NULL) == f) okf++;
        } else okf++;
        if (fabs(d) < 1e10 && fabs(d) > 1e-10) sum += d;
    }
    printf("roundtrips: %%.17g %d, %%a %d, float %d\n", ok17, oka, okf);
    printf("sum of moderate values: %.17g\n", sum);

    const char *texts[] = {"0", "-0", "1e308", "1e309", "2.2250738585072011e-308", "4.9e-324",
                           "1e-400", "0x1.8p1", "  +3.25xyz", "inf", "-Infinity", "nan",
                           "1.7976931348623157e308", "0.1", "123456789012345678901234567890",
                           "2.4703282292062328e-324", ".5", "5.", "e5", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *end;
        errno = 0;
        double v = strtod(texts[i], &end);
        printf("strtod(\"%s\") = %.17g %a erange=%d consumed=%td\n", texts[i], v, v,
               errno == ERANGE, end - texts[i]);
    }

    struct { const char *t; int base; } li[] = {
        {"12345", 10}, {"-12345", 10}, {"0x7fffffffffffffff", 16}, {"9223372036854775808", 10},
        {"-9223372036854775809", 10}, {"0777", 0}, {"0x1F", 0}, {"z", 36}, {"101101", 2},
        {"  -42abc", 10}, {"abc", 10}, {"18446744073709551615", 10}, {"-1", 10}};
    for (size_t i = 0; i < sizeof li / sizeof li[0]; i++) {
        char *end;
        errno = 0;
        long v = strtol(li[i].t, &end, li[i].base);
        int e1 = errno == ERANGE;
        errno = 0;
        unsigned long u = strtoul(li[i].t, NULL, li[i].base);
        printf("strtol(\"%s\",%d) = %ld erange=%d consumed=%td; strtoul = %lu erange=%d\n",
               li[i].t, li[i].base, v, e1, end - li[i].t, u, errno == ERANGE);
    }
    // Integer round trips over the whole range.
    int okl = 0;
    for (int i = 0; i < 10000; i++) {
        long v = (long)(lcg_next(&s) << 11 ^ lcg_next(&s));
        char buf[32];
        snprintf(buf, sizeof buf, "%ld", v);
        okl += strtol(buf, NULL, 10) == v;
        snprintf(buf, sizeof buf, "%lx", (unsigned long)v);
        okl += strtoul(buf, NULL, 16) == (unsigned long)v;
    }
    printf("integer roundtrips: %d\n", okl);
    CHECK(okl == 20000);
    CHECK(strtol("-9223372036854775809", NULL, 10) == LONG_MIN);
    CHECK(strtod("0x1.8p1", NULL) == 3.0);
    return CHECK_STATUS();
}
