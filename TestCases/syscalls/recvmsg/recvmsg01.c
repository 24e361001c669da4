/* recvmsg() options: SO_PASSCRED makes an AF_UNIX datagram carry
 * SCM_CREDENTIALS with the sender's pid/uid/gid, and a sender may state
 * its own credentials explicitly; MSG_PEEK leaves data queued; MSG_TRUNC
 * on a datagram reports the full length and sets MSG_TRUNC in msg_flags;
 * MSG_DONTWAIT on an empty socket gives EAGAIN; the source address of a
 * UDP datagram is returned in msg_name; EFAULT for an unmapped msghdr.
 * SYSCALLS: recvmsg sendmsg socketpair socket bind getsockname setsockopt sendto close getgid getuid */
#include <sys/socket.h>
#include <netinet/in.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	char data[16] = {0}, cbuf[CMSG_SPACE(sizeof(struct ucred))];
	struct iovec iov = { data, sizeof(data) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, from, me;
	socklen_t len = sizeof(a);
	struct ucred *uc, cred;
	struct cmsghdr *c;
	int sv[2], u1, u2;

	switch (n) {
	case 0:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_DGRAM, 0, sv);
		SAFE_SETSOCKOPT_INT(sv[1], SOL_SOCKET, SO_PASSCRED, 1);
		SAFE_SEND(1, sv[0], "cred", 4, 0);
		TST_EXP_VAL(recvmsg(sv[1], &msg, 0), 4, "recvmsg() with SO_PASSCRED");
		c = CMSG_FIRSTHDR(&msg);
		TST_EXP_EXPR(c && c->cmsg_type == SCM_CREDENTIALS, "SCM_CREDENTIALS attached");
		if (c) {
			uc = (struct ucred *)CMSG_DATA(c);
			TST_EXP_EXPR(uc->pid == getpid() && uc->uid == getuid() && uc->gid == getgid(),
				     "pid/uid/gid of the sender");
		}
		/* Explicit credentials from the sender (own pid, root may name any). */
		memset(cbuf, 0, sizeof(cbuf));
		msg.msg_controllen = sizeof(cbuf);
		c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_CREDENTIALS;
		c->cmsg_len = CMSG_LEN(sizeof(cred));
		cred = (struct ucred){ getpid(), 0, 0 };
		memcpy(CMSG_DATA(c), &cred, sizeof(cred));
		iov.iov_len = 2;
		TST_EXP_VAL(sendmsg(sv[0], &msg, 0), 2, "sendmsg() with explicit SCM_CREDENTIALS");
		iov.iov_len = sizeof(data);
		msg.msg_controllen = sizeof(cbuf);
		TST_EXP_VAL(recvmsg(sv[1], &msg, 0), 2, "received");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 1:
		SAFE_SOCKETPAIR(AF_UNIX, SOCK_DGRAM, 0, sv);
		SAFE_SEND(1, sv[0], "0123456789", 10, 0);
		msg.msg_control = NULL;
		msg.msg_controllen = 0;
		TST_EXP_VAL(recvmsg(sv[1], &msg, MSG_PEEK), 10, "MSG_PEEK");
		iov.iov_len = 4;
		TST_EXP_VAL(recvmsg(sv[1], &msg, MSG_TRUNC), 10, "MSG_TRUNC returns the full length 10");
		TST_EXP_EXPR(msg.msg_flags & MSG_TRUNC, "MSG_TRUNC set in msg_flags");
		TST_EXP_FAIL2(recvmsg(sv[1], &msg, MSG_DONTWAIT), EAGAIN, "MSG_DONTWAIT on an empty socket");
		TST_EXP_FAIL2(recvmsg(sv[1], tst_get_bad_addr(NULL), 0), EFAULT, "unmapped msghdr");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 2:
		u1 = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		u2 = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		SAFE_BIND(u2, (struct sockaddr *)&a, sizeof(a));
		SAFE_GETSOCKNAME(u2, (struct sockaddr *)&a, &len);
		me = (struct sockaddr_in){ .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
		SAFE_BIND(u1, (struct sockaddr *)&me, sizeof(me));
		len = sizeof(me);
		SAFE_GETSOCKNAME(u1, (struct sockaddr *)&me, &len);
		SAFE_SENDTO(1, u1, "udp", 3, 0, (struct sockaddr *)&a, sizeof(a));
		msg.msg_name = &from;
		msg.msg_namelen = sizeof(from);
		msg.msg_control = NULL;
		msg.msg_controllen = 0;
		TST_EXP_VAL(recvmsg(u2, &msg, 0), 3, "recvmsg() of a UDP datagram");
		TST_EXP_EXPR(msg.msg_namelen == sizeof(from) && from.sin_port == me.sin_port,
			     "msg_name holds the sender's address");
		SAFE_CLOSE(u1);
		SAFE_CLOSE(u2);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
