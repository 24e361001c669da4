// Structs passed and returned by value: large (memory), small (registers), and homogeneous
// float/double aggregates, which AArch64 passes in vector registers.
#include <string.h>
#include "check.h"

typedef struct { long v[130]; char tag[16]; } big;
typedef struct { char a; short b; } tiny;
typedef struct { long a, b; } pair;
typedef struct { double x, y, z, w; } hfa_d4;
typedef struct { float x, y, z; } hfa_f3;
typedef struct { int i; double d; char c; } mixed;

static __attribute__((noinline)) big make_big(long seed) {
    big b;
    for (int i = 0; i < 130; i++) b.v[i] = seed * i - i * i;
    strcpy(b.tag, "big-struct");
    return b;
}
static __attribute__((noinline)) long sum_big(big b, int bump) {
    long s = 0;
    for (int i = 0; i < 130; i++) { s += b.v[i]; b.v[i] += bump; }   // changes the copy only
    return s + (long)strlen(b.tag);
}
static __attribute__((noinline)) tiny swap_tiny(tiny t) { tiny r = {(char)(t.b & 0x7f), (short)(t.a * 3)}; return r; }
static __attribute__((noinline)) pair add_pairs(pair a, pair b, pair c) { pair r = {a.a + b.a + c.a, a.b * b.b * c.b}; return r; }
static __attribute__((noinline)) hfa_d4 scale(hfa_d4 v, double k) { hfa_d4 r = {v.x * k, v.y * k, v.z * k, v.w * k}; return r; }
static __attribute__((noinline)) hfa_f3 cross(hfa_f3 a, hfa_f3 b) {
    hfa_f3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}
// Many aggregate arguments: some land on the stack once registers run out.
static __attribute__((noinline)) double many(hfa_d4 a, hfa_d4 b, hfa_f3 c, mixed m, pair p, tiny t, big bb, double tail) {
    return a.x + a.w + b.y + b.z + c.x + c.z + m.i + m.d + m.c + (double)p.a + (double)p.b + t.a + t.b +
           (double)bb.v[129] + tail;
}

int main(void) {
    big b = make_big(7);
    long s1 = sum_big(b, 5), s2 = sum_big(b, 9);
    printf("big: sum %ld, again %ld, v[129]=%ld tag=%s\n", s1, s2, b.v[129], b.tag);
    CHECK(s1 == s2);
    tiny t = swap_tiny((tiny){5, 300});
    printf("tiny: %d %d\n", t.a, t.b);
    pair p = add_pairs((pair){1, 2}, (pair){10, 3}, (pair){100, 4});
    printf("pair: %ld %ld\n", p.a, p.b);
    CHECK(p.a == 111 && p.b == 24);
    hfa_d4 v = scale((hfa_d4){1.5, -2.25, 3.0, 0.125}, 4.0);
    printf("hfa_d4: %g %g %g %g\n", v.x, v.y, v.z, v.w);
    CHECK(v.y == -9.0);
    hfa_f3 c = cross((hfa_f3){1, 0, 0}, (hfa_f3){0, 1, 0});
    printf("hfa_f3: %g %g %g\n", c.x, c.y, c.z);
    CHECK(c.z == 1.0f);
    mixed m = {42, 0.5, 'x'};
    double r = many(v, (hfa_d4){1, 2, 3, 4}, c, m, p, t, b, 0.25);
    printf("many: %.6f\n", r);
    // Struct assignment and comparison of copies.
    big copy = b;
    CHECK(memcmp(&copy, &b, sizeof b) == 0);
    return CHECK_STATUS();
}
