/* Socket wrappers that TBROK on failure. */
#ifndef TST_SAFE_NET_H
#define TST_SAFE_NET_H

#include <sys/socket.h>
#include <sys/types.h>

#define SL_ const char *file, const int lineno
int safe_socket(SL_, int domain, int type, int protocol);
int safe_socketpair(SL_, int domain, int type, int protocol, int sv[2]);
int safe_bind(SL_, int sockfd, const struct sockaddr *addr, socklen_t addrlen);
int safe_listen(SL_, int sockfd, int backlog);
int safe_connect(SL_, int sockfd, const struct sockaddr *addr, socklen_t addrlen);
int safe_accept(SL_, int sockfd, struct sockaddr *addr, socklen_t *addrlen);
int safe_setsockopt(SL_, int fd, int level, int optname, const void *optval, socklen_t optlen);
int safe_getsockopt(SL_, int fd, int level, int optname, void *optval, socklen_t *optlen);
int safe_getsockname(SL_, int sockfd, struct sockaddr *addr, socklen_t *addrlen);
ssize_t safe_send(SL_, char strict, int sockfd, const void *buf, size_t len, int flags);
ssize_t safe_recv(SL_, size_t len, int sockfd, void *buf, size_t size, int flags);
ssize_t safe_sendto(SL_, char strict, int sockfd, const void *buf, size_t len, int flags,
		    const struct sockaddr *dest_addr, socklen_t addrlen);
#undef SL_

#define SAFE_SOCKET(domain, type, protocol) safe_socket(__FILE__, __LINE__, (domain), (type), (protocol))
#define SAFE_SOCKETPAIR(domain, type, protocol, sv) safe_socketpair(__FILE__, __LINE__, (domain), (type), (protocol), (sv))
#define SAFE_BIND(fd, addr, len) safe_bind(__FILE__, __LINE__, (fd), (addr), (len))
#define SAFE_LISTEN(fd, backlog) safe_listen(__FILE__, __LINE__, (fd), (backlog))
#define SAFE_CONNECT(fd, addr, len) safe_connect(__FILE__, __LINE__, (fd), (addr), (len))
#define SAFE_ACCEPT(fd, addr, len) safe_accept(__FILE__, __LINE__, (fd), (addr), (len))
#define SAFE_SETSOCKOPT(fd, level, optname, optval, optlen) \
	safe_setsockopt(__FILE__, __LINE__, (fd), (level), (optname), (optval), (optlen))
#define SAFE_SETSOCKOPT_INT(fd, level, optname, val) do { \
	int tst_val__ = (val); \
	safe_setsockopt(__FILE__, __LINE__, (fd), (level), (optname), &tst_val__, sizeof(tst_val__)); \
} while (0)
#define SAFE_GETSOCKOPT(fd, level, optname, optval, optlen) \
	safe_getsockopt(__FILE__, __LINE__, (fd), (level), (optname), (optval), (optlen))
#define SAFE_GETSOCKNAME(fd, addr, len) safe_getsockname(__FILE__, __LINE__, (fd), (addr), (len))
#define SAFE_SEND(strict, fd, buf, len, flags) safe_send(__FILE__, __LINE__, (strict), (fd), (buf), (len), (flags))
#define SAFE_RECV(len, fd, buf, size, flags) safe_recv(__FILE__, __LINE__, (len), (fd), (buf), (size), (flags))
#define SAFE_SENDTO(strict, fd, buf, len, flags, addr, alen) \
	safe_sendto(__FILE__, __LINE__, (strict), (fd), (buf), (len), (flags), (addr), (alen))

#endif
