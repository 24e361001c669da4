// A JSON-ish recursive-descent parser: parses documents into a tree, prints them back in a
// canonical compact form, and reports statistics; malformed inputs must be rejected.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;
typedef struct jv { jtype t; double num; int b; char *str; struct jv **items; char **keys; int n; } jv;

typedef struct { const char *p; int err; int depth; } parser;

static void ws(parser *ps) { while (isspace((unsigned char)*ps->p)) ps->p++; }
static jv *value(parser *ps);

static jv *mk(jtype t) { jv *v = calloc(1, sizeof *v); v->t = t; return v; }

static char *string(parser *ps) {
    if (*ps->p != '"') { ps->err = 1; return NULL; }
    ps->p++;
    size_t cap = 16, n = 0;
    char *s = malloc(cap);
    while (*ps->p && *ps->p != '"') {
        char c = *ps->p++;
        if (c == '\\') {
            char e = *ps->p++;
            switch (e) {
            case 'n': c = '\n'; break; case 't': c = '\t'; break; case '"': c = '"'; break;
            case '\\': c = '\\'; break; case '/': c = '/'; break;
            case 'u': { char hex[5] = {0}; memcpy(hex, ps->p, 4); ps->p += 4; c = (char)strtol(hex, NULL, 16); break; }
            default: ps->err = 1; free(s); return NULL;
            }
        }
        if (n + 2 > cap) s = realloc(s, cap *= 2);
        s[n++] = c;
    }
    if (*ps->p != '"') { ps->err = 1; free(s); return NULL; }
    ps->p++;
    s[n] = 0;
    return s;
}

static jv *value(parser *ps) {
    ws(ps);
    if (++ps->depth > 200) { ps->err = 1; return NULL; }
    jv *v = NULL;
    char c = *ps->p;
    if (c == '{' || c == '[') {
        int obj = c == '{';
        v = mk(obj ? J_OBJ : J_ARR);
        ps->p++;
        ws(ps);
        if (*ps->p == (obj ? '}' : ']')) { ps->p++; ps->depth--; return v; }
        for (;;) {
            char *key = NULL;
            if (obj) {
                ws(ps);
                key = string(ps);
                if (ps->err) break;
                ws(ps);
                if (*ps->p++ != ':') { ps->err = 1; free(key); break; }
            }
            jv *item = value(ps);
            if (ps->err) { free(key); break; }
            v->items = realloc(v->items, sizeof(jv *) * (size_t)(v->n + 1));
            v->keys = realloc(v->keys, sizeof(char *) * (size_t)(v->n + 1));
            v->items[v->n] = item; v->keys[v->n] = key; v->n++;
            ws(ps);
            if (*ps->p == ',') { ps->p++; continue; }
            if (*ps->p == (obj ? '}' : ']')) { ps->p++; break; }
            ps->err = 1; break;
        }
    } else if (c == '"') {
        v = mk(J_STR); v->str = string(ps);
    } else if (!strncmp(ps->p, "true", 4) || !strncmp(ps->p, "false", 5)) {
        v = mk(J_BOOL); v->b = c == 't'; ps->p += v->b ? 4 : 5;
    } else if (!strncmp(ps->p, "null", 4)) {
        v = mk(J_NULL); ps->p += 4;
    } else if (c == '-' || isdigit((unsigned char)c)) {
        char *end;
        v = mk(J_NUM); v->num = strtod(ps->p, &end);
        ps->p = end;
    } else ps->err = 1;
    ps->depth--;
    return v;
}

static void emit(const jv *v, char **o) {
    switch (v->t) {
    case J_NULL: *o += sprintf(*o, "null"); break;
    case J_BOOL: *o += sprintf(*o, v->b ? "true" : "false"); break;
    case J_NUM: *o += sprintf(*o, "%.15g", v->num); break;
    case J_STR:
        *(*o)++ = '"';
        for (const char *s = v->str; *s; s++) {
            if (*s == '"' || *s == '\\') { *(*o)++ = '\\'; *(*o)++ = *s; }
            else if (*s == '\n') { *(*o)++ = '\\'; *(*o)++ = 'n'; }
            else if ((unsigned char)*s < 0x20) *o += sprintf(*o, "\\u%04x", *s);
            else *(*o)++ = *s;
        }
        *(*o)++ = '"';
        break;
    case J_ARR: case J_OBJ:
        *(*o)++ = v->t == J_ARR ? '[' : '{';
        for (int i = 0; i < v->n; i++) {
            if (i) *(*o)++ = ',';
            if (v->t == J_OBJ) { jv k = {.t = J_STR, .str = v->keys[i]}; emit(&k, o); *(*o)++ = ':'; }
            emit(v->items[i], o);
        }
        *(*o)++ = v->t == J_ARR ? ']' : '}';
        break;
    }
    **o = 0;
}

static void stats(const jv *v, int depth, int *count, int *maxdepth, double *numsum) {
    (*count)++;
    if (depth > *maxdepth) *maxdepth = depth;
    if (v->t == J_NUM) *numsum += v->num;
    for (int i = 0; i < v->n; i++) stats(v->items[i], depth + 1, count, maxdepth, numsum);
}

static void release(jv *v) {
    if (!v) return;
    for (int i = 0; i < v->n; i++) { release(v->items[i]); free(v->keys[i]); }
    free(v->items); free(v->keys); free(v->str); free(v);
}

int main(void) {
    const char *docs[] = {
        "{\"name\": \"ferry\", \"version\": 1.5, \"tags\": [\"emu\", \"linux\", \"aarch64\"], \"ok\": true}",
        "[1, -2.5e3, 0.1, 1e-7, 12345678901234567890, {\"a\": {\"b\": {\"c\": [null, false]}}}]",
        "  {\"esc\": \"line\\nbreak \\\"quoted\\\" back\\\\slash \\u0041\", \"empty\": {}, \"arr\": []}  ",
        "{\"bad\": }", "[1, 2", "{\"k\" 1}", "tru", "[1,,2]",
    };
    static char out[1 << 16];
    int parsed = 0, rejected = 0;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        parser ps = {docs[i], 0, 0};
        jv *v = value(&ps);
        ws(&ps);
        if (ps.err || *ps.p) { printf("doc %zu: rejected at offset %td\n", i, ps.p - docs[i]); rejected++; release(v); continue; }
        char *o = out;
        emit(v, &o);
        int count = 0, maxd = 0; double sum = 0;
        stats(v, 0, &count, &maxd, &sum);
        printf("doc %zu: %s\n  nodes=%d depth=%d numsum=%.10g\n", i, out, count, maxd, sum);
        // Canonical output must parse back to the same canonical output.
        parser again = {out, 0, 0};
        jv *w = value(&again);
        static char out2[1 << 16];
        char *o2 = out2;
        CHECK(!again.err);
        if (!again.err) { emit(w, &o2); CHECK(strcmp(out, out2) == 0); }
        release(w); release(v);
        parsed++;
    }
    // A generated large document: nested arrays of numbers.
    static char big[1 << 20];
    char *b = big;
    unsigned long long s = 8;
    b += sprintf(b, "[");
    for (int i = 0; i < 5000; i++)
        b += sprintf(b, "%s{\"id\":%d,\"v\":[%llu,%llu],\"s\":\"x%d\"}", i ? "," : "", i, lcg_next(&s) % 1000, lcg_next(&s) % 1000, i % 97);
    sprintf(b, "]");
    parser ps = {big, 0, 0};
    jv *v = value(&ps);
    int count = 0, maxd = 0; double sum = 0;
    if (!ps.err) stats(v, 0, &count, &maxd, &sum);
    printf("big doc: err=%d nodes=%d depth=%d numsum=%.10g\n", ps.err, count, maxd, sum);
    release(v);
    printf("parsed %d rejected %d\n", parsed, rejected);
    CHECK(parsed == 3 && rejected == 5 && count == 1 + 5000 * 6);
    return CHECK_STATUS();
}
