// sscanf and friends: integers in several bases, floats, strings with widths and scan sets,
// %n positions, return counts on partial matches, and strtok_r/strsep tokenising.
#include <string.h>
#include "check.h"

int main(void) {
    int a, b, n;
    unsigned x;
    long long ll;
    double d;
    float f;
    char word[16], set[16], rest[32];
    int r = sscanf("42 -17 0x1f 123456789012 3.25e2 1.5 hello abc123xyz tail", "%d %i %x %lld %lf %f %15s %15[a-z0-9] %n%31s",
                   &a, &b, &x, &ll, &d, &f, word, set, &n, rest);
    printf("r=%d a=%d b=%d x=%u ll=%lld d=%g f=%g word=%s set=%s n=%d rest=%s\n", r, a, b, x, ll, d, f, word, set, n, rest);
    CHECK(r == 9 && a == 42 && x == 31 && ll == 123456789012LL && d == 325.0);
    r = sscanf("12 apples", "%d %d", &a, &b);
    printf("partial: r=%d a=%d\n", r, a);
    CHECK(r == 1);
    r = sscanf("", "%d", &a);
    printf("empty input: r=%d (EOF is %d)\n", r, EOF);
    r = sscanf("0777 0b 010", "%o %x %i", &a, &x, &b);
    printf("bases: r=%d %d %u %d\n", r, a, x, b);
    r = sscanf("key=value;other", "%15[^=]=%15[^;]", word, set);
    printf("scan sets: r=%d [%s] [%s]\n", r, word, set);
    r = sscanf("2024-03-15T10:20:30", "%4d-%2d-%2dT%2d:%2d:%2d", &a, &b, &n, (int[1]){0}, (int[1]){0}, (int[1]){0});
    printf("date: r=%d %d %d %d\n", r, a, b, n);
    char line[] = "alpha,beta,,gamma;delta epsilon";
    char *save, *tok;
    printf("strtok_r:");
    for (tok = strtok_r(line, ",; ", &save); tok; tok = strtok_r(NULL, ",; ", &save)) printf(" [%s]", tok);
    putchar('\n');
    char line2[] = "a,b,,c";
    char *p = line2;
    printf("strsep:");
    while ((tok = strsep(&p, ","))) printf(" [%s]", tok);
    putchar('\n');
    return CHECK_STATUS();
}
