// Syscall-heavy: open/fstat/read/close over every file of a directory, PASSES times.
// The directory is made by the benchmark script (files named f0000, f0001, ...).
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: fileloop DIR FILES PASSES\n"); return 2; }
    const char *dir = argv[1];
    long files = atol(argv[2]), passes = atol(argv[3]);
    unsigned long long bytes = 0, sum = 0;
    char path[4096], buf[4096];
    for (long p = 0; p < passes; p++)
        for (long i = 0; i < files; i++) {
            snprintf(path, sizeof path, "%s/f%04ld", dir, i);
            int fd = open(path, O_RDONLY);
            if (fd < 0) { perror(path); return 1; }
            struct stat st;
            if (fstat(fd, &st) != 0) { perror("fstat"); return 1; }
            ssize_t n = read(fd, buf, sizeof buf);
            if (n < 0) { perror("read"); return 1; }
            bytes += (unsigned long long)n + (unsigned long long)st.st_size;
            for (ssize_t k = 0; k < n; k++) sum += (unsigned char)buf[k];
            close(fd);
        }
    printf("%llu %llu\n", bytes, sum);
    return 0;
}
