// Reads a text file given on stdin: line, word and byte counts, the longest line, and the
// ten most frequent words (ties broken alphabetically), like wc plus sort | uniq -c.
// stdin: data/words.txt
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

typedef struct { char w[32]; int n; } entry;
static entry table[1024];
static int nentries;

static void add_word(const char *w) {
    for (int i = 0; i < nentries; i++) if (!strcmp(table[i].w, w)) { table[i].n++; return; }
    if (nentries < 1024) { strncpy(table[nentries].w, w, 31); table[nentries++].n = 1; }
}
static int by_count(const void *a, const void *b) {
    const entry *x = a, *y = b;
    return x->n != y->n ? y->n - x->n : strcmp(x->w, y->w);
}

int main(void) {
    char line[4096];
    long lines = 0, words = 0, bytes = 0, longest = 0, longest_at = 0;
    int ends_with_newline = 1;
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        bytes += (long)n;
        ends_with_newline = n && line[n - 1] == '\n';
        if (ends_with_newline) lines++;
        long visible = (long)n - ends_with_newline;
        if (visible > longest) { longest = visible; longest_at = lines + !ends_with_newline; }
        char word[32]; int wl = 0;
        for (size_t i = 0; i <= n; i++) {
            unsigned char c = (unsigned char)line[i];
            if (i < n && !isspace(c)) {
                if (wl < 31) word[wl++] = (char)tolower(isalpha(c) ? c : c);
            } else if (wl) {
                word[wl] = 0;
                while (wl && ispunct((unsigned char)word[wl - 1])) word[--wl] = 0;
                if (wl) add_word(word);
                words++; wl = 0;
            }
        }
    }
    CHECK(!ferror(stdin));
    printf("lines %ld words %ld bytes %ld (final newline: %s)\n", lines, words, bytes, ends_with_newline ? "yes" : "no");
    printf("longest line %ld has %ld chars\n", longest_at, longest);
    qsort(table, (size_t)nentries, sizeof table[0], by_count);
    for (int i = 0; i < 10 && i < nentries; i++) printf("%4d %s\n", table[i].n, table[i].w);
    printf("distinct words %d\n", nentries);
    CHECK(bytes > 0 && words > 0);
    return CHECK_STATUS();
}
