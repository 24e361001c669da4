// A small interpreter: source text for a stack language is tokenised, compiled to bytecode
// and run. Programs compute Fibonacci, a Collatz search and GCDs; results are checked.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JZ, JMP, PRINT, HALT };
typedef struct { int op; long arg; } insn;

// Language: "N" push, "@v" load var v (a-z), "!v" store, + - * / % < =, "?label" jump if zero,
// "^label" jump, ":label" define, "." print, words are separated by spaces.
static int compile(const char *src, insn *code) {
    long labels[26] = {0};
    struct { int at; int label; } fix[256];
    int n = 0, nfix = 0;
    char word[32];
    for (const char *p = src; *p;) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        int w = 0;
        while (*p && !isspace((unsigned char)*p) && w < 31) word[w++] = *p++;
        word[w] = 0;
        char c = word[0];
        if (isdigit((unsigned char)c) || (c == '-' && word[1])) code[n++] = (insn){PUSH, strtol(word, NULL, 10)};
        else if (c == '@') code[n++] = (insn){LOAD, word[1] - 'a'};
        else if (c == '!') code[n++] = (insn){STORE, word[1] - 'a'};
        else if (c == ':') labels[word[1] - 'a'] = n;
        else if (c == '?' || c == '^') { fix[nfix].at = n; fix[nfix++].label = word[1] - 'a'; code[n++] = (insn){c == '?' ? JZ : JMP, 0}; }
        else {
            const char *ops = "+-*/%<=.";
            const char *f = strchr(ops, c);
            if (!f) { printf("bad word %s\n", word); return -1; }
            static const int map[] = {ADD, SUB, MUL, DIV, MOD, LT, EQ, PRINT};
            code[n++] = (insn){map[f - ops], 0};
        }
    }
    for (int i = 0; i < nfix; i++) code[fix[i].at].arg = labels[fix[i].label];
    code[n++] = (insn){HALT, 0};
    return n;
}

static long out[64];
static int nout;

static long run(const insn *code, long *steps) {
    long stack[256], vars[26] = {0};
    int sp = 0;
    long pc = 0;
    *steps = 0;
    for (;;) {
        insn i = code[pc++];
        (*steps)++;
        switch (i.op) {
        case PUSH: stack[sp++] = i.arg; break;
        case LOAD: stack[sp++] = vars[i.arg]; break;
        case STORE: vars[i.arg] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DIV: sp--; stack[sp - 1] /= stack[sp]; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
        case JZ: if (stack[--sp] == 0) pc = i.arg; break;
        case JMP: pc = i.arg; break;
        case PRINT: out[nout++] = stack[--sp]; break;
        case HALT: return sp ? stack[sp - 1] : 0;
        }
    }
}

int main(void) {
    const char *progs[] = {
        // fib(80) iteratively
        "0 !a 1 !b 0 !i :l @i 80 < ?e @a @b + !c @b !a @c !b @i 1 + !i ^l :e @a .",
        // the start below 10000 with the longest Collatz chain
        "1 !n 0 !m 0 !w :o @n 10000 < ?z @n !x 0 !s :c @x 1 = 1 - ?d @x 2 % ?v @x 3 * 1 + !x ^j "
        ":v @x 2 / !x :j @s 1 + !s ^c :d @m @s < ?k @s !m @n !w :k @n 1 + !n ^o :z @w . @m .",
        // gcd of pairs by Euclid
        "1071 !a 462 !b :l @b 0 = 1 - ?e @a @b % !t @b !a @t !b ^l :e @a . "
        "832040 !a 514229 !b :m @b 0 = 1 - ?f @a @b % !t @b !a @t !b ^m :f @a .",
    };
    static insn code[1024];
    long total_steps = 0;
    for (size_t p = 0; p < sizeof progs / sizeof progs[0]; p++) {
        int n = compile(progs[p], code);
        CHECK(n > 0);
        long steps;
        nout = 0;
        run(code, &steps);
        total_steps += steps;
        printf("program %zu: %d insns, %ld steps, output:", p, n, steps);
        for (int i = 0; i < nout; i++) printf(" %ld", out[i]);
        putchar('\n');
        if (p == 0) CHECK(out[0] == 23416728348467685L);
        if (p == 1) CHECK(out[0] == 6171 && out[1] == 261);
        if (p == 2) CHECK(out[0] == 21 && out[1] == 1);
    }
    printf("total steps %ld\n", total_steps);
    return CHECK_STATUS();
}
