// libc string routines on unaligned buffers of many lengths and offsets, checked against
// byte-by-byte reference loops. Under emulation glibc picks its vector versions, so this
// covers the SIMD paths of the CPU core.
#include <string.h>
#include "check.h"

#define MAXLEN 300
static unsigned char src[MAXLEN + 64], dst[MAXLEN + 64], ref[MAXLEN + 64];

static void fill(unsigned char *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(i * 7 + seed * 13 + 1) | 1;
}

int main(void) {
    unsigned long long checks = 0, sig = 0;
    for (size_t so = 0; so < 16; so++)
    for (size_t doff = 0; doff < 16; doff += 3)
    for (size_t n = 0; n <= MAXLEN; n += (n < 40 ? 1 : 13)) {
        fill(src, sizeof src, (unsigned)(so + n));
        memset(dst, 0xAA, sizeof dst);
        memcpy(dst + doff, src + so, n);
        for (size_t i = 0; i < sizeof dst; i++) {
            unsigned char want = (i >= doff && i < doff + n) ? src[so + i - doff] : 0xAA;
            if (dst[i] != want) { CHECK(!"memcpy"); break; }
        }
        // memset with a tail guard
        memset(dst + doff, (int)n, n);
        for (size_t i = 0; i < n; i++) if (dst[doff + i] != (unsigned char)n) { CHECK(!"memset"); break; }
        CHECK(dst[doff + n] == 0xAA);
        // memcmp: equal, then differing at the last byte
        memcpy(ref, src + so, n);
        CHECK(memcmp(ref, src + so, n) == 0);
        if (n) {
            ref[n - 1] ^= 0x80;
            int c = memcmp(ref, src + so, n);
            CHECK((c > 0) == (ref[n - 1] > src[so + n - 1]) && c != 0);
            sig = sig * 3 + (c > 0);
        }
        // strlen / strchr / strrchr on a NUL-terminated copy
        memcpy(dst + doff, src + so, n);
        dst[doff + n] = 0;
        CHECK(strlen((char *)dst + doff) == n);
        if (n > 2) {
            unsigned char c = dst[doff + n / 2];
            char *p = strchr((char *)dst + doff, c);
            size_t first = 0;
            while (dst[doff + first] != c) first++;
            CHECK(p == (char *)dst + doff + first);
            CHECK(strchr((char *)dst + doff, 0) == (char *)dst + doff + n);
            char *r = strrchr((char *)dst + doff, c);
            size_t last = n - 1;
            while (dst[doff + last] != c) last--;
            CHECK(r == (char *)dst + doff + last);
            CHECK(memchr(dst + doff, c, n) == p);
        }
        // strcmp against a copy with one changed byte
        memcpy(ref + 1, dst + doff, n + 1);
        CHECK(strcmp((char *)ref + 1, (char *)dst + doff) == 0);
        if (n) {
            ref[1 + n - 1] = 0x7f;
            int c = strcmp((char *)ref + 1, (char *)dst + doff);
            CHECK((c == 0) == (dst[doff + n - 1] == 0x7f));
            CHECK(strncmp((char *)ref + 1, (char *)dst + doff, n - 1) == 0);
        }
        checks++;
    }
    // memmove in both directions with overlap
    for (size_t n = 0; n < 200; n += 7)
    for (int shift = -9; shift <= 9; shift++) {
        unsigned char buf[512], want[512];
        fill(buf, sizeof buf, (unsigned)n);
        memcpy(want, buf, sizeof buf);
        size_t from = 100, to = (size_t)(100 + shift);
        for (size_t i = 0; i < n; i++) want[to + i] = buf[from + i];
        memmove(buf + to, buf + from, n);
        CHECK(memcmp(buf, want, sizeof buf) == 0);
        checks++;
    }
    // strstr with needles near page-ish boundaries of the haystack
    char hay[1024];
    for (int i = 0; i < 1023; i++) hay[i] = (char)('a' + (i * i + i / 7) % 5);
    hay[1023] = 0;
    int found = 0;
    for (int len = 1; len < 24; len++)
    for (int at = 0; at + len < 1023; at += 37) {
        char needle[32];
        memcpy(needle, hay + at, (size_t)len);
        needle[len] = 0;
        char *p = strstr(hay, needle);
        CHECK(p && p <= hay + at && strncmp(p, needle, (size_t)len) == 0);
        found += (int)(p - hay);
    }
    CHECK(strstr(hay, "zz") == NULL);
    printf("cases: %llu\n", checks);
    printf("memcmp sign signature: %llu\n", sig);
    printf("strstr positions sum: %d\n", found);
    return CHECK_STATUS();
}
