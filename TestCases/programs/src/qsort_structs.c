// qsort of records by several keys, checked for order and for being a permutation.
#include <stdlib.h>
#include <string.h>
#include "check.h"

typedef struct { int group; double score; char name[12]; unsigned id; } record;

static int by_keys(const void *pa, const void *pb) {
    const record *a = pa, *b = pb;
    if (a->group != b->group) return a->group < b->group ? -1 : 1;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;   // descending score
    int c = strcmp(a->name, b->name);
    if (c) return c;
    return a->id < b->id ? -1 : a->id > b->id;
}

int main(void) {
    enum { N = 50000 };
    static record r[N];
    unsigned long long s = 7, idsum = 0;
    for (unsigned i = 0; i < N; i++) {
        r[i].group = (int)(lcg_next(&s) % 17) - 8;
        r[i].score = (double)(lcg_next(&s) % 1000) / 8.0;
        for (int k = 0; k < 5; k++) r[i].name[k] = (char)('a' + lcg_next(&s) % 4);
        r[i].name[5] = 0;
        r[i].id = i;
        idsum += i;
    }
    qsort(r, N, sizeof r[0], by_keys);
    unsigned long long after = 0, hash = 0;
    for (unsigned i = 0; i < N; i++) {
        after += r[i].id;
        hash = hash * 31 + r[i].id;
        if (i) CHECK(by_keys(&r[i - 1], &r[i]) < 0);
    }
    CHECK(after == idsum);
    printf("first: %d %.3f %s %u\n", r[0].group, r[0].score, r[0].name, r[0].id);
    printf("middle: %d %.3f %s %u\n", r[N/2].group, r[N/2].score, r[N/2].name, r[N/2].id);
    printf("last: %d %.3f %s %u\n", r[N-1].group, r[N-1].score, r[N-1].name, r[N-1].id);
    printf("order hash: %llu\n", hash);

    // Plain integers too, including duplicates and extremes.
    static int v[100001];
    for (int i = 0; i < 100001; i++) v[i] = (int)(lcg_next(&s) & 0xffffffff);
    v[5] = -2147483647 - 1; v[6] = 2147483647;
    int cmp(const void *a, const void *b);
    qsort(v, 100001, sizeof v[0], cmp);
    for (int i = 1; i < 100001; i++) CHECK(v[i - 1] <= v[i]);
    printf("ints: min=%d median=%d max=%d\n", v[0], v[50000], v[100000]);
    return CHECK_STATUS();
}

int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
