// N-queens: counts all solutions for N = 1..11 with a bitmask backtracker and checks them
// against a plain array backtracker for small N.
#include "check.h"

static long solve_bits(int n, unsigned cols, unsigned d1, unsigned d2, unsigned full) {
    if (cols == full) return 1;
    long count = 0;
    unsigned free_ = full & ~(cols | d1 | d2);
    while (free_) {
        unsigned bit = free_ & -free_;
        free_ ^= bit;
        count += solve_bits(n, cols | bit, (d1 | bit) << 1 & full, (d2 | bit) >> 1, full);
    }
    return count;
}

static int pos[16];
static long solve_array(int row, int n) {
    if (row == n) return 1;
    long c = 0;
    for (int col = 0; col < n; col++) {
        int ok = 1;
        for (int r = 0; r < row && ok; r++)
            ok = pos[r] != col && pos[r] - col != row - r && col - pos[r] != row - r;
        if (ok) { pos[row] = col; c += solve_array(row + 1, n); }
    }
    return c;
}

int main(void) {
    long total = 0;
    for (int n = 1; n <= 11; n++) {
        long c = solve_bits(n, 0, 0, 0, (1u << n) - 1);
        printf("queens(%d) = %ld\n", n, c);
        if (n <= 8) CHECK(c == solve_array(0, n));
        total += c;
    }
    printf("total %ld\n", total);
    CHECK(total == 1 + 0 + 0 + 2 + 10 + 4 + 40 + 92 + 352 + 724 + 2680);
    return CHECK_STATUS();
}
