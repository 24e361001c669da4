// Mandelbrot set as ASCII art plus iteration totals: long chains of dependent double
// multiplies and adds whose every rounding shows up in the picture.
#include "check.h"

int main(void) {
    const char *shades = " .:-=+*#%@";
    long total = 0;
    int inside = 0;
    for (int y = 0; y < 40; y++) {
        char row[81];
        for (int x = 0; x < 80; x++) {
            double cr = -2.2 + x * (3.0 / 80), ci = -1.2 + y * (2.4 / 40);
            double zr = 0, zi = 0;
            int it = 0;
            while (it < 2000 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            inside += it == 2000;
            row[x] = shades[it == 2000 ? 9 : it % 9];
        }
        row[80] = 0;
        printf("%s\n", row);
    }
    printf("iterations %ld inside %d\n", total, inside);
    CHECK(inside > 0 && inside < 3200);
    return CHECK_STATUS();
}
