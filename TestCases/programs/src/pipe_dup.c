// Pipes and descriptor juggling: dup/dup2/dup3, fcntl flags (FD_CLOEXEC, O_NONBLOCK),
// EAGAIN on an empty non-blocking pipe, a large transfer through a pipe to a child, EPIPE
// with SIGPIPE ignored, and writev/readv.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

int main(void) {
    int p[2];
    CHECK(pipe(p) == 0);
    int d = dup(p[1]);
    CHECK(d > p[1] || d > p[0]);
    CHECK(dup2(p[1], 20) == 20);
    CHECK(dup3(p[1], 21, O_CLOEXEC) == 21);
    printf("cloexec on 20: %d, on 21: %d\n", (fcntl(20, F_GETFD) & FD_CLOEXEC) != 0, (fcntl(21, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK(write(20, "via20 ", 6) == 6 && write(d, "viadup ", 7) == 7);
    struct iovec iov[3] = {{"vec", 3}, {"tor", 3}, {"ed\n", 3}};
    CHECK(writev(21, iov, 3) == 9);
    char a[8] = {0}, b[24] = {0};
    struct iovec in[2] = {{a, 6}, {b, 16}};
    ssize_t n = readv(p[0], in, 2);
    printf("readv %zd: [%s][%s]", n, a, b);
    close(d); close(20); close(21);

    int fl = fcntl(p[0], F_GETFL);
    CHECK(fcntl(p[0], F_SETFL, fl | O_NONBLOCK) == 0);
    char c;
    errno = 0;
    CHECK(read(p[0], &c, 1) == -1 && errno == EAGAIN);
    printf("empty non-blocking read: EAGAIN %d\n", errno == EAGAIN);
    CHECK(fcntl(p[0], F_SETFL, fl) == 0);

    // 1 MiB through a pipe to a child that checksums it and reports back.
    int back[2];
    CHECK(pipe(back) == 0);
    fflush(stdout);
    pid_t kid = fork();
    if (kid == 0) {
        close(p[1]); close(back[0]);
        unsigned long sum = 0, total = 0;
        unsigned char buf[4096];
        ssize_t r;
        while ((r = read(p[0], buf, sizeof buf)) > 0) { for (ssize_t i = 0; i < r; i++) sum = sum * 33 + buf[i]; total += (unsigned long)r; }
        char msg[64];
        int len = snprintf(msg, sizeof msg, "%lu %lu", total, sum);
        if (write(back[1], msg, (size_t)len) != len) _exit(2);
        _exit(0);
    }
    close(p[0]); close(back[1]);
    static unsigned char data[1 << 20];
    unsigned long long s = 6;
    unsigned long want = 0;
    for (size_t i = 0; i < sizeof data; i++) { data[i] = (unsigned char)lcg_next(&s); want = want * 33 + data[i]; }
    size_t off = 0;
    while (off < sizeof data) { ssize_t w = write(p[1], data + off, sizeof data - off); CHECK(w > 0); if (w <= 0) break; off += (size_t)w; }
    close(p[1]);
    char msg[64] = {0};
    ssize_t got = 0, r;
    while ((r = read(back[0], msg + got, sizeof msg - 1 - (size_t)got)) > 0) got += r;
    unsigned long total, sum;
    CHECK(sscanf(msg, "%lu %lu", &total, &sum) == 2);
    printf("child received %lu bytes, checksum matches %d\n", total, sum == want);
    CHECK(total == sizeof data && sum == want);
    int status;
    waitpid(kid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    // Writing to a pipe with no reader: EPIPE when SIGPIPE is ignored.
    signal(SIGPIPE, SIG_IGN);
    int q[2];
    CHECK(pipe(q) == 0);
    close(q[0]);
    errno = 0;
    CHECK(write(q[1], "x", 1) == -1 && errno == EPIPE);
    printf("write without reader: EPIPE %d\n", errno == EPIPE);
    return CHECK_STATUS();
}
