/* strace comparison program 3: result sets (ppoll, pselect6, epoll_pwait), sendmsg/recvmsg with
 * control messages, the mmsg calls, socket addresses, a child's SIGCHLD at the default
 * disposition, and a trace that outlives the program's own RLIMIT_FSIZE. Every call goes through
 * syscall(2) with results that do not depend on the architecture. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <linux/netlink.h>
#include <time.h>
#include <unistd.h>

#define S(...) syscall(__VA_ARGS__)

static void polling(void) {
    int p[2];
    S(SYS_pipe2, p, O_CLOEXEC);
    S(SYS_write, p[1], "x", 1);
    struct pollfd both[2] = {{.fd = p[0], .events = POLLIN}, {.fd = p[1], .events = POLLOUT | POLLIN}};
    struct timespec wait = {5, 0};
    S(SYS_ppoll, both, 2, &wait, NULL, 8L);                        /* = 2 ([...], left {...}) */
    struct pollfd idle = {.fd = p[1], .events = POLLIN};
    struct timespec zero = {0, 0};
    S(SYS_ppoll, &idle, 1, &zero, NULL, 8L);                       /* = 0 (Timeout) */
    fd_set in, out;
    FD_ZERO(&in); FD_ZERO(&out);
    FD_SET(p[0], &in); FD_SET(p[1], &in); FD_SET(p[1], &out);
    struct timespec wait2 = {5, 0};
    S(SYS_pselect6, p[1] + 1, &in, &out, NULL, &wait2, NULL);     /* = 2 (in [3], out [4], left ...) */
    FD_ZERO(&in); FD_SET(p[1], &in);
    struct timespec zero2 = {0, 0};
    S(SYS_pselect6, p[1] + 1, &in, NULL, NULL, &zero2, NULL);     /* = 0 (Timeout) */
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    struct { sigset_t *set; size_t size; } mask = {&usr1, 8};
    FD_ZERO(&in); FD_SET(p[0], &in);
    S(SYS_pselect6, p[1] + 1, &in, NULL, NULL, NULL, &mask);      /* = 1 (in [3]) */
    int ep = S(SYS_epoll_create1, EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1234};
    S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
    struct epoll_event got[4];
    S(SYS_epoll_pwait, ep, got, 4, 0, NULL, 8L);
    struct timespec zero3 = {0, 0};
    S(SYS_epoll_pwait2, ep, got, 4, &zero3, &usr1, 8L);
    S(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
    S(SYS_epoll_pwait, ep, got, 4, 0, NULL, 8L);                    /* = 0: [] */
    S(SYS_epoll_pwait, 99, got, 4, 0, NULL, 8L);                    /* EBADF */
    S(SYS_close, ep);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
}

static void messages(void) {
    int sv[2];
    S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
    struct iovec iov[2] = {{"hello", 5}, {" world", 6}};
    union { char buf[CMSG_SPACE(2 * sizeof(int))]; struct cmsghdr align; } rights;
    memset(&rights, 0, sizeof rights);
    struct msghdr m = {.msg_iov = iov, .msg_iovlen = 2, .msg_control = rights.buf, .msg_controllen = sizeof rights.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int fds[2] = {0, 2};
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    S(SYS_sendmsg, sv[0], &m, 0);
    char small[4], rest[16];
    struct iovec into[2] = {{small, sizeof small}, {rest, sizeof rest}};
    union { char buf[256]; struct cmsghdr align; } control;
    struct msghdr r = {.msg_iov = into, .msg_iovlen = 2, .msg_control = control.buf, .msg_controllen = sizeof control.buf};
    S(SYS_recvmsg, sv[1], &r, MSG_CMSG_CLOEXEC);
    int passed[2];
    memcpy(passed, CMSG_DATA(CMSG_FIRSTHDR(&r)), sizeof passed);
    S(SYS_close, passed[0]);
    S(SYS_close, passed[1]);

    int one = 1;
    S(SYS_setsockopt, sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    union { char buf[CMSG_SPACE(sizeof(struct ucred))]; struct cmsghdr align; } creds;
    memset(&creds, 0, sizeof creds);
    struct ucred me = {.pid = S(SYS_getpid), .uid = S(SYS_getuid), .gid = S(SYS_getgid)};
    struct msghdr cm = {.msg_iov = iov, .msg_iovlen = 1, .msg_control = creds.buf, .msg_controllen = sizeof creds.buf};
    c = CMSG_FIRSTHDR(&cm);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof me);
    memcpy(CMSG_DATA(c), &me, sizeof me);
    S(SYS_sendmsg, sv[0], &cm, MSG_DONTWAIT);
    r.msg_controllen = sizeof control.buf;
    S(SYS_recvmsg, sv[1], &r, 0);
    S(SYS_recvmsg, sv[1], &r, MSG_DONTWAIT);                      /* EAGAIN: {msg_namelen=0} */
    struct mmsghdr batch[2] = {{.msg_hdr = {.msg_iov = iov, .msg_iovlen = 1}}, {.msg_hdr = {.msg_iov = iov + 1, .msg_iovlen = 1}}};
    S(SYS_sendmmsg, sv[0], batch, 2, 0);
    struct iovec one_iov = {rest, sizeof rest};
    struct mmsghdr take[1] = {{.msg_hdr = {.msg_iov = &one_iov, .msg_iovlen = 1}}};
    S(SYS_recvmmsg, sv[1], take, 1, MSG_DONTWAIT, NULL);
    S(SYS_recvmmsg, 99, take, 1, MSG_DONTWAIT, NULL);              /* EBADF */
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);

    /* Datagrams between named AF_UNIX sockets: msg_name in and out. */
    S(SYS_unlinkat, AT_FDCWD, "ev.a", 0);
    S(SYS_unlinkat, AT_FDCWD, "ev.b", 0);
    int a = S(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int b = S(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un na = {.sun_family = AF_UNIX, .sun_path = "ev.a"}, nb = {.sun_family = AF_UNIX, .sun_path = "ev.b"};
    S(SYS_bind, a, &na, offsetof(struct sockaddr_un, sun_path) + 5);
    S(SYS_bind, b, &nb, offsetof(struct sockaddr_un, sun_path) + 5);
    struct msghdr to = {.msg_name = &nb, .msg_namelen = offsetof(struct sockaddr_un, sun_path) + 5, .msg_iov = iov, .msg_iovlen = 2};
    S(SYS_sendmsg, a, &to, 0);
    struct sockaddr_un from;
    struct msghdr fr = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = into, .msg_iovlen = 2};
    S(SYS_recvmsg, b, &fr, 0);
    S(SYS_close, a);
    S(SYS_close, b);
    S(SYS_unlinkat, AT_FDCWD, "ev.a", 0);
    S(SYS_unlinkat, AT_FDCWD, "ev.b", 0);

    int s6 = S(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 loop6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    S(SYS_bind, s6, &loop6, sizeof loop6);
    S(SYS_close, s6);
    int nl = S(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl any = {.nl_family = AF_NETLINK};
    S(SYS_bind, nl, &any, sizeof any);
    socklen_t len = sizeof any;
    S(SYS_getsockname, nl, &any, &len);
    S(SYS_close, nl);
}

int main(void) {
    S(SYS_write, -1, "FERRY-STRACE-BEGIN", 18);
    polling();
    messages();
    /* A child that exits while SIGCHLD is at SIG_DFL: strace shows the signal all the same. */
    long child = S(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
    if (child == 0) S(SYS_exit_group, 3);
    int status;
    S(SYS_wait4, child, &status, 0, NULL);
    /* The trace is written by another process: the program's own file size limit cannot cut it. */
    struct rlimit tiny = {1, 1};
    S(SYS_setrlimit, RLIMIT_FSIZE, &tiny);
    S(SYS_getpid);
    S(SYS_sched_yield);
    S(SYS_write, -1, "FERRY-STRACE-END", 16);
    return 0;
}
