// malloc/calloc/realloc/free stress: thousands of live blocks of mixed sizes (small bins,
// large mmap-backed chunks), each filled with a pattern that is verified before it is freed.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

#define SLOTS 4096
static unsigned char *ptr[SLOTS];
static size_t len[SLOTS];
static unsigned char tag[SLOTS];

static int verify(int i) {
    for (size_t k = 0; k < len[i]; k++)
        if (ptr[i][k] != (unsigned char)(tag[i] + k * 7)) return 0;
    return 1;
}

int main(void) {
    unsigned long long s = 4242;
    long allocs = 0, frees = 0, reallocs = 0, bad = 0;
    uint64_t bytes_total = 0;
    for (int round = 0; round < 200000; round++) {
        int i = (int)(lcg_next(&s) % SLOTS);
        unsigned op = (unsigned)(lcg_next(&s) % 10);
        if (ptr[i] && op < 4) {
            bad += !verify(i);
            free(ptr[i]); ptr[i] = NULL; frees++;
        } else if (ptr[i] && op < 7) {
            size_t n = lcg_next(&s) % 3 == 0 ? lcg_next(&s) % 300000 : lcg_next(&s) % 2000;
            unsigned char *p = realloc(ptr[i], n + 1);
            if (!p) { bad++; continue; }
            size_t keep = len[i] < n + 1 ? len[i] : n + 1;
            for (size_t k = 0; k < keep; k++) bad += p[k] != (unsigned char)(tag[i] + k * 7);
            for (size_t k = keep; k < n + 1; k++) p[k] = (unsigned char)(tag[i] + k * 7);
            ptr[i] = p; len[i] = n + 1; reallocs++;
        } else if (!ptr[i]) {
            size_t n = op == 9 ? 128 * 1024 + lcg_next(&s) % 1000000 : lcg_next(&s) % 1024;
            int use_calloc = op & 1;
            unsigned char *p = use_calloc ? calloc(n + 1, 1) : malloc(n + 1);
            if (!p) { bad++; continue; }
            if (use_calloc) for (size_t k = 0; k <= n; k++) bad += p[k] != 0;
            tag[i] = (unsigned char)lcg_next(&s);
            for (size_t k = 0; k <= n; k++) p[k] = (unsigned char)(tag[i] + k * 7);
            ptr[i] = p; len[i] = n + 1; allocs++; bytes_total += n + 1;
        }
    }
    long live = 0;
    for (int i = 0; i < SLOTS; i++) if (ptr[i]) { bad += !verify(i); free(ptr[i]); live++; }
    // Alignment guarantees (16 bytes on both 64-bit ABIs), checked without printing addresses.
    int misaligned = 0;
    for (int i = 1; i < 200; i++) { void *p = malloc((size_t)i); misaligned += ((uintptr_t)p & 15) != 0; free(p); }
    void *al = aligned_alloc(4096, 8192);
    CHECK(al && ((uintptr_t)al & 4095) == 0);
    free(al);
    printf("allocs %ld frees %ld reallocs %ld live-at-end %ld bytes %llu\n", allocs, frees, reallocs, live,
           (unsigned long long)bytes_total);
    printf("corruptions %ld misaligned %d\n", bad, misaligned);
    CHECK(bad == 0 && misaligned == 0);
    return CHECK_STATUS();
}
