// CRC-32 (IEEE, reflected) by table, by slicing-free bitwise loop, and incrementally.
#include <stdint.h>
#include <string.h>
#include "check.h"

static uint32_t table[256];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc_table(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_bitwise(const uint8_t *p, size_t n) {
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

int main(void) {
    make_table();
    const char *check = "123456789";
    uint32_t c = crc_table(0, (const uint8_t *)check, 9);
    printf("crc32(\"123456789\") = %08x\n", c);
    CHECK(c == 0xcbf43926u);

    static uint8_t buf[300000];
    unsigned long long s = 99;
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)lcg_next(&s);
    for (size_t n = 0; n <= sizeof buf; n = n ? n * 7 : 1) {
        uint32_t a = crc_table(0, buf, n), b = crc_bitwise(buf, n);
        uint32_t inc = 0;
        for (size_t off = 0; off < n; off += 1000)
            inc = crc_table(inc, buf + off, n - off < 1000 ? n - off : 1000);
        CHECK(a == b);
        CHECK(a == inc);
        printf("n=%zu crc=%08x\n", n, a);
    }
    return CHECK_STATUS();
}
