/* sendmsg()/recvmsg() with SCM_RIGHTS: two descriptors sent over an
 * AF_UNIX socket arrive as new descriptors for the same files (reading the
 * pipe data and sharing the file offset); MSG_CMSG_CLOEXEC marks them
 * close-on-exec; a control buffer too small sets MSG_CTRUNC; scatter/gather
 * iovecs are joined; EBADF for a closed descriptor in SCM_RIGHTS, EINVAL
 * for a cmsg_len past the buffer, EDESTADDRREQ for an unconnected
 * datagram socket without an address, EFAULT.
 * SYSCALLS: sendmsg recvmsg socketpair socket pipe2 openat write read lseek fcntl close */
#include <sys/socket.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static int send_fds(int sock, const int *fds, int nfds)
{
	char cbuf[CMSG_SPACE(sizeof(int) * 4)];
	struct iovec iov = { (void *)"F", 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			      .msg_controllen = CMSG_SPACE(sizeof(int) * nfds) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	memset(cbuf, 0, sizeof(cbuf));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
	memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
	return sendmsg(sock, &msg, 0);
}

static void run(unsigned int n)
{
	char cbuf[CMSG_SPACE(sizeof(int) * 2)], small[CMSG_SPACE(sizeof(int))], data[16] = {0};
	struct iovec iov = { data, sizeof(data) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	struct iovec parts[3] = { { (void *)"ab", 2 }, { (void *)"", 0 }, { (void *)"cde", 3 } };
	struct msghdr gather = { .msg_iov = parts, .msg_iovlen = 3 };
	struct cmsghdr *c;
	int sv[2], p[2], fd, fds[2], three[3], got[2] = { -1, -1 };
	char buf[8] = {0};

	SAFE_SOCKETPAIR(AF_UNIX, SOCK_STREAM, 0, sv);
	switch (n) {
	case 0:
		SAFE_PIPE(p);
		fd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
		SAFE_LSEEK(fd, 4, SEEK_SET);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "pipe", 4);
		fds[0] = p[0];
		fds[1] = fd;
		TST_EXP_VAL(send_fds(sv[0], fds, 2), 1, "sendmsg() with SCM_RIGHTS of 2 fds");
		TST_EXP_VAL(recvmsg(sv[1], &msg, MSG_CMSG_CLOEXEC), 1, "recvmsg(MSG_CMSG_CLOEXEC)");
		c = CMSG_FIRSTHDR(&msg);
		TST_EXP_EXPR(c && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(2 * sizeof(int)),
			     "one SCM_RIGHTS cmsg with 2 fds");
		if (c)
			memcpy(got, CMSG_DATA(c), sizeof(got));
		TST_EXP_EXPR(got[0] >= 0 && got[0] != p[0] && got[1] != fd, "new descriptor numbers");
		TST_EXP_VAL(read(got[0], buf, 4), 4, "read the pipe through the passed fd");
		TST_EXP_EQ_STR(buf, "pipe");
		TST_EXP_EQ_LI(lseek(got[1], 0, SEEK_CUR), 4);
		TST_EXP_EXPR((fcntl(got[0], F_GETFD) & FD_CLOEXEC) && (fcntl(got[1], F_GETFD) & FD_CLOEXEC),
			     "passed fds are close-on-exec");
		SAFE_CLOSE(got[0]);
		SAFE_CLOSE(got[1]);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		SAFE_CLOSE(fd);
		break;
	case 1:
		/* Three fds need CMSG_LEN(12) = 28 bytes; the buffer holds 24. */
		three[0] = three[1] = three[2] = SAFE_OPEN("/dev/null", O_RDONLY);
		send_fds(sv[0], three, 3);
		msg.msg_control = small;
		msg.msg_controllen = sizeof(small);
		TST_EXP_VAL(recvmsg(sv[1], &msg, 0), 1, "recvmsg() with room for 2 of 3 fds");
		TST_EXP_EXPR(msg.msg_flags & MSG_CTRUNC, "MSG_CTRUNC set");
		c = CMSG_FIRSTHDR(&msg);
		if (c && c->cmsg_type == SCM_RIGHTS) {
			int *r = (int *)CMSG_DATA(c);

			for (unsigned int i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); i++)
				SAFE_CLOSE(r[i]);
		}
		SAFE_CLOSE(three[0]);
		break;
	case 2:
		TST_EXP_VAL(sendmsg(sv[0], &gather, 0), 5, "sendmsg() of 3 iovecs");
		msg.msg_control = NULL;
		msg.msg_controllen = 0;
		TST_EXP_VAL(recvmsg(sv[1], &msg, 0), 5, "recvmsg() gets them joined");
		TST_EXP_EXPR(!memcmp(data, "abcde", 5), "'abcde'");
		break;
	case 3:
		fds[0] = 999;
		TST_EXP_FAIL(send_fds(sv[0], fds, 1), EBADF, "SCM_RIGHTS with a closed fd");
		memset(cbuf, 0, sizeof(cbuf));
		msg.msg_iov = parts;
		msg.msg_iovlen = 1;
		c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = sizeof(cbuf) + 64;
		TST_EXP_FAIL(sendmsg(sv[0], &msg, 0), EINVAL, "cmsg_len past the control buffer");
		fd = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		TST_EXP_FAIL(sendmsg(fd, &gather, 0), EDESTADDRREQ, "unconnected UDP without an address");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(sendmsg(sv[0], tst_get_bad_addr(NULL), 0), EFAULT, "unmapped msghdr");
		break;
	}
	SAFE_CLOSE(sv[0]);
	SAFE_CLOSE(sv[1]);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
