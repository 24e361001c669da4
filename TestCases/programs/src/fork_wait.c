// fork/waitpid/pipe: children compute parts of a sum and send them through pipes, exit with
// distinct statuses, and one dies of a signal; the parent collects all of it in order.
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

int main(void) {
    enum { KIDS = 5 };
    int fds[KIDS][2];
    pid_t pids[KIDS];
    fflush(stdout);   // nothing buffered may be duplicated into the children
    for (int k = 0; k < KIDS; k++) {
        CHECK(pipe(fds[k]) == 0);
        pids[k] = fork();
        CHECK(pids[k] >= 0);
        if (pids[k] == 0) {
            close(fds[k][0]);
            long sum = 0;
            for (long i = k * 1000000L; i < (k + 1) * 1000000L; i++) sum += i % 7;
            char msg[64];
            int n = snprintf(msg, sizeof msg, "child %d sum %ld", k, sum);
            if (write(fds[k][1], msg, (size_t)n) != n) _exit(100);
            close(fds[k][1]);
            if (k == KIDS - 1) raise(SIGTERM);
            _exit(10 + k);
        }
        close(fds[k][1]);
    }
    for (int k = 0; k < KIDS; k++) {
        char buf[128] = {0};
        ssize_t got = 0, r;
        while ((r = read(fds[k][0], buf + got, sizeof buf - 1 - (size_t)got)) > 0) got += r;
        close(fds[k][0]);
        int status;
        CHECK(waitpid(pids[k], &status, 0) == pids[k]);
        if (WIFEXITED(status)) printf("%s, exit %d\n", buf, WEXITSTATUS(status));
        else if (WIFSIGNALED(status)) printf("%s, killed by signal %s\n", buf, WTERMSIG(status) == SIGTERM ? "SIGTERM" : "other");
        CHECK(k == KIDS - 1 ? WIFSIGNALED(status) : WEXITSTATUS(status) == 10 + k);
    }
    int status;
    CHECK(wait(&status) == -1);
    // A child that execs nothing but exits via exit() flushes its own copy of stdio buffers.
    printf("parent buffered line before fork\n");
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { printf("child says hello\n"); exit(0); }
    waitpid(p, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));
    return CHECK_STATUS();
}
