// Prints argc, argv (argv[0] as its basename: the two builds live in different folders) and
// the environment sorted, then checks getenv agrees with envp and the layout ends in NULLs.
// args: first "two words" '' --flag=value ünïcödé last
// env: FERRY_A=1 FERRY_B=with=equals FERRY_EMPTY=
#include <stdlib.h>
#include <string.h>
#include "check.h"

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv, char **envp) {
    const char *base = strrchr(argv[0], '/');
    printf("argc %d\nargv[0] basename %s\n", argc, base ? base + 1 : argv[0]);
    for (int i = 1; i < argc; i++) printf("argv[%d] = [%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    CHECK(argv[argc] == NULL);
    int n = 0;
    while (envp[n]) n++;
    char **sorted = malloc(sizeof(char *) * (size_t)(n + 1));
    memcpy(sorted, envp, sizeof(char *) * (size_t)n);
    qsort(sorted, (size_t)n, sizeof(char *), cmp);
    printf("envc %d\n", n);
    for (int i = 0; i < n; i++) {
        printf("env %s\n", sorted[i]);
        char name[256];
        const char *eq = strchr(sorted[i], '=');
        CHECK(eq != NULL);
        if (!eq || eq - sorted[i] >= 255) continue;
        memcpy(name, sorted[i], (size_t)(eq - sorted[i]));
        name[eq - sorted[i]] = 0;
        const char *v = getenv(name);
        CHECK(v && strcmp(v, eq + 1) == 0);
    }
    CHECK(getenv("FERRY_NOT_SET") == NULL);
    CHECK(setenv("FERRY_NEW", "added", 1) == 0 && strcmp(getenv("FERRY_NEW"), "added") == 0);
    CHECK(unsetenv("FERRY_A") == 0 && getenv("FERRY_A") == NULL);
    printf("after setenv/unsetenv: FERRY_NEW=%s FERRY_A=%s\n", getenv("FERRY_NEW"), getenv("FERRY_A") ? "set" : "unset");
    return CHECK_STATUS();
}
