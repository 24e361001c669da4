// An open-addressing hash table with string keys: inserts, lookups, deletions with
// tombstones and growth; results checked against a sorted array kept on the side.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

typedef struct { char *key; long value; int state; } slot;   // state 0 empty, 1 used, 2 deleted
static slot *tab;
static size_t cap, used, tomb;

static uint64_t fnv(const char *s) { uint64_t h = 1469598103934665603ULL; while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211ULL; return h; }

static void put(const char *k, long v);
static void grow(void) {
    slot *old = tab; size_t oc = cap;
    cap = cap ? cap * 2 : 16; tab = calloc(cap, sizeof *tab); used = tomb = 0;
    for (size_t i = 0; i < oc; i++) if (old[i].state == 1) { put(old[i].key, old[i].value); free(old[i].key); }
    free(old);
}
static void put(const char *k, long v) {
    if ((used + tomb + 1) * 4 >= cap * 3) grow();
    size_t i = fnv(k) & (cap - 1), first_tomb = SIZE_MAX;
    while (tab[i].state) {
        if (tab[i].state == 1 && !strcmp(tab[i].key, k)) { tab[i].value = v; return; }
        if (tab[i].state == 2 && first_tomb == SIZE_MAX) first_tomb = i;
        i = (i + 1) & (cap - 1);
    }
    if (first_tomb != SIZE_MAX) { i = first_tomb; tomb--; }
    tab[i].key = strdup(k); tab[i].value = v; tab[i].state = 1; used++;
}
static slot *find(const char *k) {
    if (!cap) return NULL;
    for (size_t i = fnv(k) & (cap - 1); tab[i].state; i = (i + 1) & (cap - 1))
        if (tab[i].state == 1 && !strcmp(tab[i].key, k)) return &tab[i];
    return NULL;
}
static int del(const char *k) {
    slot *s = find(k);
    if (!s) return 0;
    free(s->key); s->key = NULL; s->state = 2; used--; tomb++;
    return 1;
}

int main(void) {
    enum { N = 60000 };
    static long shadow[N];   // value per key index, -1 when absent
    for (int i = 0; i < N; i++) shadow[i] = -1;
    unsigned long long s = 17;
    char key[32];
    long ops = 0, hits = 0;
    for (int round = 0; round < 300000; round++) {
        int k = (int)(lcg_next(&s) % N);
        snprintf(key, sizeof key, "key-%d-%x", k, k * 2654435761u);
        int op = (int)(lcg_next(&s) % 4);
        if (op < 2) { long v = (long)(lcg_next(&s) % 1000000); put(key, v); shadow[k] = v; }
        else if (op == 2) { int was = del(key); CHECK(was == (shadow[k] != -1)); shadow[k] = -1; }
        else { slot *f = find(key); CHECK((f != NULL) == (shadow[k] != -1)); if (f) { hits++; CHECK(f->value == shadow[k]); } }
        ops++;
    }
    long live = 0, sum = 0;
    for (int i = 0; i < N; i++) if (shadow[i] != -1) { live++; sum += shadow[i]; }
    printf("ops %ld hits %ld live %ld (table says %zu) value sum %ld capacity %zu\n", ops, hits, live, used, sum, cap);
    CHECK((size_t)live == used);
    return CHECK_STATUS();
}
