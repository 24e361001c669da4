// Base64 encode/decode round trips of generated buffers of every length up to 300, plus the
// RFC 4648 test vectors, and rejection of malformed input.
#include <stdint.h>
#include <string.h>
#include "check.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const uint8_t *in, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        out[o++] = alphabet[v >> 18 & 63];
        out[o++] = alphabet[v >> 12 & 63];
        out[o++] = i + 1 < n ? alphabet[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[o] = 0;
    return o;
}
static int value(char c) { const char *p = c ? strchr(alphabet, c) : NULL; return p ? (int)(p - alphabet) : -1; }
static long decode(const char *in, uint8_t *out) {
    size_t n = strlen(in), o = 0;
    if (n % 4) return -1;
    for (size_t i = 0; i < n; i += 4) {
        int a = value(in[i]), b = value(in[i + 1]);
        int pad2 = in[i + 2] == '=', pad3 = in[i + 3] == '=';
        int c = pad2 ? 0 : value(in[i + 2]), d = pad3 ? 0 : value(in[i + 3]);
        if (a < 0 || b < 0 || c < 0 || d < 0 || (pad2 && !pad3) || ((pad2 || pad3) && i + 4 != n)) return -1;
        uint32_t v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | (uint32_t)d;
        out[o++] = (uint8_t)(v >> 16);
        if (!pad2) out[o++] = (uint8_t)(v >> 8);
        if (!pad3) out[o++] = (uint8_t)v;
    }
    return (long)o;
}

int main(void) {
    const char *vec[][2] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="},
                            {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
    char enc[1024];
    uint8_t dec[1024];
    for (int i = 0; i < 7; i++) {
        encode((const uint8_t *)vec[i][0], strlen(vec[i][0]), enc);
        printf("\"%s\" -> \"%s\"\n", vec[i][0], enc);
        CHECK(strcmp(enc, vec[i][1]) == 0);
    }
    unsigned long long s = 64;
    uint8_t buf[300];
    unsigned long sig = 0;
    int ok = 0;
    for (size_t n = 0; n < 300; n++) {
        for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)lcg_next(&s);
        size_t e = encode(buf, n, enc);
        long d = decode(enc, dec);
        ok += d == (long)n && memcmp(dec, buf, n) == 0 && e == (n + 2) / 3 * 4;
        for (size_t i = 0; i < e; i++) sig = sig * 131 + (unsigned char)enc[i];
    }
    printf("round trips %d/300, signature %lu\n", ok, sig);
    CHECK(ok == 300);
    const char *bad[] = {"Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zm=v"};
    for (int i = 0; i < 5; i++) { long r = decode(bad[i], dec); printf("decode(\"%s\") = %ld\n", bad[i], r); CHECK(r == -1); }
    return CHECK_STATUS();
}
