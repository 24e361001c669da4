// Compute: a CoreMark-style mix (written for Ferry, not CoreMark's code): linked-list find and
// reverse, small integer matrix multiply/add, a text state machine, all folded into a CRC-16.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct node { struct node *next; int16_t data, idx; } node;

static uint16_t crc16(uint16_t crc, uint16_t v) {
    for (int i = 0; i < 16; i++) { int bit = (crc ^ v) & 1; v >>= 1; crc >>= 1; if (bit) crc ^= 0xA001; }
    return crc;
}

static node *reverse(node *l) { node *r = NULL; while (l) { node *n = l->next; l->next = r; r = l; l = n; } return r; }
static node *find(node *l, int16_t v) { while (l && l->data != v) l = l->next; return l; }

static uint16_t list_work(node *pool, int n, int iter, uint16_t crc) {
    node *head = NULL;
    for (int i = n - 1; i >= 0; i--) { pool[i].next = head; head = &pool[i]; }
    for (int k = 0; k < 8; k++) {
        node *f = find(head, (int16_t)((iter + k * 37) % n));
        crc = crc16(crc, f ? (uint16_t)f->idx : 0xffff);
        head = reverse(head);
    }
    // insertion-sort style pass keyed on data ^ iter
    int16_t best = head->data;
    for (node *p = head; p; p = p->next) if ((p->data ^ iter) < (best ^ iter)) best = p->data;
    return crc16(crc, (uint16_t)best);
}

#define M 24
static uint16_t matrix_work(int32_t a[M][M], int32_t b[M][M], int32_t c[M][M], int iter, uint16_t crc) {
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) a[i][j] += (int32_t)(iter & 7) - 3;
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) {
        int32_t s = 0;
        for (int k = 0; k < M; k++) s += a[i][k] * b[k][j];
        c[i][j] = s;
    }
    int32_t acc = 0;
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) acc += c[i][j] > 0 ? (c[i][j] >> 4) & 0xff : -(c[i][j] & 0x3f);
    return crc16(crc, (uint16_t)acc);
}

enum { S_START, S_INT, S_FLOAT, S_EXP, S_SIGN, S_BAD };
static uint16_t state_work(const char *text, int len, uint16_t crc) {
    int counts[6] = {0}, st = S_START;
    for (int i = 0; i < len; i++) {
        char c = text[i];
        if (c == ',') { counts[st]++; st = S_START; continue; }
        switch (st) {
        case S_START: st = (c >= '0' && c <= '9') ? S_INT : (c == '+' || c == '-') ? S_SIGN : c == '.' ? S_FLOAT : S_BAD; break;
        case S_SIGN: st = (c >= '0' && c <= '9') ? S_INT : c == '.' ? S_FLOAT : S_BAD; break;
        case S_INT: st = c == '.' ? S_FLOAT : (c == 'e' || c == 'E') ? S_EXP : (c >= '0' && c <= '9') ? S_INT : S_BAD; break;
        case S_FLOAT: st = (c == 'e' || c == 'E') ? S_EXP : (c >= '0' && c <= '9') ? S_FLOAT : S_BAD; break;
        case S_EXP: st = (c >= '0' && c <= '9') ? S_EXP : S_BAD; break;
        default: break;
        }
    }
    for (int i = 0; i < 6; i++) crc = crc16(crc, (uint16_t)counts[i]);
    return crc;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 20000;
    enum { LN = 200 };
    node *pool = malloc(sizeof(node) * LN);
    uint64_t s = 9;
    for (int i = 0; i < LN; i++) { s = s * 6364136223846793005ULL + 1; pool[i].data = (int16_t)(s >> 50); pool[i].idx = (int16_t)i; }
    static int32_t a[M][M], b[M][M], c[M][M];
    for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) { a[i][j] = (i * 3 + j) % 17 - 8; b[i][j] = (i + j * 5) % 13 - 6; }
    static char text[2048];
    const char *pieces[] = {"123", "-4.5", "6e3", "+.7", "x1", "89.01e2", "--", "3.14"};
    int len = 0;
    for (int i = 0; len < 2000; i++) len += snprintf(text + len, sizeof text - (size_t)len, "%s,", pieces[(i * 7) % 8]);
    uint16_t crc = 0;
    for (long it = 0; it < iterations; it++) {
        crc = list_work(pool, LN, (int)it, crc);
        crc = matrix_work(a, b, c, (int)it, crc);
        crc = state_work(text, len, crc);
    }
    printf("iterations %ld crc %04x\n", iterations, crc);
    free(pool);
    return 0;
}
