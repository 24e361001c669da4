// __int128 arithmetic: multiply, divide, modulo, shifts, and decimal printing by repeated
// division, checked by multiplying back.
#include <string.h>
#include "check.h"

typedef unsigned __int128 u128;
typedef __int128 i128;

static void to_dec(u128 v, char *out) {
    char tmp[48]; int n = 0;
    do { tmp[n++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = 0;
}
static void to_dec_signed(i128 v, char *out) {
    if (v < 0) { *out++ = '-'; to_dec((u128)0 - (u128)v, out); } else to_dec((u128)v, out);
}

int main(void) {
    char buf[64];
    u128 max = ~(u128)0;
    to_dec(max, buf);
    printf("u128 max = %s\n", buf);
    CHECK(strcmp(buf, "340282366920938463463374607431768211455") == 0);
    i128 min = (i128)((u128)1 << 127);
    to_dec_signed(min, buf);
    printf("i128 min = %s\n", buf);

    // factorial 30 fits in 128 bits
    u128 f = 1;
    for (int i = 2; i <= 30; i++) f *= (u128)i;
    to_dec(f, buf);
    printf("30! = %s\n", buf);
    for (int i = 30; i >= 2; i--) { CHECK(f % (u128)i == 0); f /= (u128)i; }
    CHECK(f == 1);

    unsigned long long s = 11;
    u128 acc = 0;
    int ok = 0;
    for (int i = 0; i < 20000; i++) {
        u128 a = (u128)lcg_next(&s) << 64 | lcg_next(&s) << 11 | lcg_next(&s);
        u128 b = (u128)(lcg_next(&s) >> (i % 50)) + 1;
        if (i % 3 == 0) b = b << 64 | lcg_next(&s);
        u128 q = a / b, r = a % b;
        ok += (q * b + r == a) && r < b;
        i128 sa = (i128)a, sb = (i128)b * ((i % 2) ? -1 : 1);
        i128 sq = sa / sb, sr = sa % sb;
        ok += sq * sb + sr == sa;
        acc ^= q * 0x9E3779B97F4A7C15ULL + (r >> (i % 64)) + (u128)(sq >> 3) + (a << (i % 128));
        u128 prod = (u128)(unsigned long long)a * (unsigned long long)b;   // 64x64->128 (umulh)
        acc += prod >> 64;
    }
    printf("division identities held %d/40000\n", ok);
    CHECK(ok == 40000);
    to_dec(acc, buf);
    printf("accumulator %s\n", buf);
    i128 neg = -(i128)1000000007 * 1000000009;
    to_dec_signed(neg / 12345 + neg % 12345, buf);
    printf("signed mix %s\n", buf);
    return CHECK_STATUS();
}
