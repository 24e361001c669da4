/* strace comparison program 2: process identity, limits, scheduling, signals, time, sockets,
 * SysV and POSIX IPC. Every call goes through syscall(2) with architecture-independent results. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define S(...) syscall(__VA_ARGS__)

static void on_usr1(int s) { (void)s; }

int main(void) {
    S(SYS_write, -1, "FERRY-STRACE-BEGIN", 18);
    S(SYS_getuid); S(SYS_geteuid); S(SYS_getgid); S(SYS_getegid);
    unsigned r, e2, s2;
    S(SYS_getresuid, &r, &e2, &s2);
    S(SYS_getresgid, &r, &e2, &s2);
    S(SYS_setuid, -1); S(SYS_setgid, -1);
    S(SYS_setresuid, -1, -1, -1);
    S(SYS_setresgid, -1, -1, -1);
    S(SYS_setreuid, -1, -1);
    S(SYS_setregid, -1, -1);
    S(SYS_getgroups, 0, NULL);
    S(SYS_getpgid, 0);
    S(SYS_setpgid, 0, 0);
    S(SYS_getsid, 999999);
    struct rlimit rl;
    S(SYS_getrlimit, RLIMIT_NOFILE, &rl);
    S(SYS_setrlimit, RLIMIT_CORE, &rl);
    S(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl);
    S(SYS_getpriority, PRIO_PROCESS, 0);
    S(SYS_setpriority, PRIO_PROCESS, 0, 0);
    S(SYS_sched_yield);
    S(SYS_sched_getscheduler, 0);
    S(SYS_sched_get_priority_max, SCHED_FIFO);
    S(SYS_sched_get_priority_min, SCHED_RR);
    struct sched_param sp;
    S(SYS_sched_getparam, 0, &sp);
    S(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
    S(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
    S(SYS_prctl, PR_SET_NAME, "ferry-st", 0, 0, 0);
    S(SYS_personality, 0xffffffff);
    char uts[512];
    S(SYS_uname, uts);
    struct timespec ts = {0, 1000};
    S(SYS_nanosleep, &ts, NULL);
    S(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
    S(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
    S(SYS_clock_gettime, CLOCK_REALTIME, &ts);
    struct timeval tv;
    S(SYS_gettimeofday, &tv, NULL);
    struct itimerval it = {{0, 0}, {0, 0}};
    S(SYS_getitimer, ITIMER_REAL, &it);
    S(SYS_setitimer, ITIMER_VIRTUAL, &it, NULL);
    int tfd = S(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    struct itimerspec its = {{0, 0}, {100, 0}};
    S(SYS_timerfd_settime, tfd, 0, &its, NULL);
    S(SYS_close, tfd);
    timer_t timer;
    S(SYS_timer_create, CLOCK_MONOTONIC, NULL, &timer);
    S(SYS_timer_settime, 0, 0, &its, NULL);
    S(SYS_timer_getoverrun, 0);
    S(SYS_timer_delete, 0);
    S(SYS_timer_delete, 0);                                      /* EINVAL */

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    S(SYS_rt_sigaction, SIGUSR2, &sa, NULL, 8);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    S(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
    S(SYS_rt_sigpending, &set, 8);
    S(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
    S(SYS_kill, 999999, 0);
    S(SYS_kill, S(SYS_getpid), 0);
    stack_t ss = {.ss_sp = NULL, .ss_flags = SS_DISABLE, .ss_size = 0};
    S(SYS_sigaltstack, &ss, NULL);
    (void)on_usr1;

    int sv[2];
    S(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    S(SYS_sendto, sv[0], "datagram", 8, 0, NULL, 0);
    char buf[64];
    S(SYS_recvfrom, sv[1], buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);
    S(SYS_recvfrom, sv[1], buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);   /* EAGAIN */
    S(SYS_shutdown, sv[0], SHUT_WR);
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    int ls = S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    strcpy(un.sun_path, "st.sock");
    S(SYS_unlinkat, AT_FDCWD, "st.sock", 0);
    S(SYS_bind, ls, &un, sizeof un);
    S(SYS_listen, ls, 4);
    int cs = S(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    S(SYS_connect, cs, &un, sizeof un);
    struct sockaddr_un peer;
    socklen_t len = sizeof peer;
    int as = S(SYS_accept4, ls, &peer, &len, SOCK_CLOEXEC);
    len = sizeof peer;
    S(SYS_getsockname, ls, &peer, &len);
    int one = 1;
    S(SYS_setsockopt, cs, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    S(SYS_close, as); S(SYS_close, cs); S(SYS_close, ls);
    S(SYS_unlinkat, AT_FDCWD, "st.sock", 0);
    int is = S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(0), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    S(SYS_bind, is, &in, sizeof in);
    S(SYS_close, is);

    int so = S(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int type;
    socklen_t tl = sizeof type;
    S(SYS_getsockopt, so, SOL_SOCKET, SO_TYPE, &type, &tl);
    S(SYS_close, so);
    S(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    int deathsig;
    S(SYS_prctl, PR_GET_PDEATHSIG, &deathsig, 0, 0, 0);
    S(SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0);

    int q = S(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
    S(SYS_msgctl, q, IPC_RMID, NULL);
    int sem = S(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
    S(SYS_semctl, sem, 0, IPC_RMID, 0);
    int shm = S(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    S(SYS_shmctl, shm, IPC_RMID, NULL);

    int status;
    long child = S(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
    if (child == 0) { S(SYS_getppid); S(SYS_exit_group, 7); }
    S(SYS_wait4, child, &status, 0, NULL);
    S(SYS_wait4, -1, &status, WNOHANG, NULL);                     /* ECHILD */
    S(SYS_write, -1, "FERRY-STRACE-END", 16);
    return 0;
}
