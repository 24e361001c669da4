// Startup cost: a static hello world, run many times by the benchmark.
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
