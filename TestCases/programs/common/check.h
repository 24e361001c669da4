// Shared by every guest program: a failed check prints what failed and makes the
// program exit non-zero, so a wrong result is visible both in stdout and in the status.
#ifndef FERRY_CHECK_H
#define FERRY_CHECK_H
#include <stdio.h>

static int check_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            printf("check failed: %s (line %d)\n", #cond, __LINE__);         \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

// Status to return from main: 0 when every CHECK held.
#define CHECK_STATUS() (check_failures ? 1 : 0)

// Deterministic generator so data is the same on every host and guest.
static inline unsigned long long lcg_next(unsigned long long *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 11;
}
#endif
