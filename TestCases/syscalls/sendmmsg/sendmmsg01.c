/* sendmmsg()/recvmmsg(): three datagrams go out in one call (msg_len set
 * per message) and come back in one call with their lengths; recvmmsg
 * with MSG_WAITFORONE returns what is queued after the first; a vlen of 0
 * returns 0; EFAULT for an unmapped vector, EBADF, EINVAL for a negative
 * timeout.
 * SYSCALLS: sendmmsg recvmmsg socketpair close */
#include <sys/socket.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(unsigned int n)
{
	struct mmsghdr out[3], in[3];
	struct iovec oiov[3] = { { (void *)"a", 1 }, { (void *)"bb", 2 }, { (void *)"ccc", 3 } }, iiov[3];
	char bufs[3][8];
	struct timespec neg = { -1, 0 };
	int sv[2], i;

	SAFE_SOCKETPAIR(AF_UNIX, SOCK_DGRAM, 0, sv);
	memset(out, 0, sizeof(out));
	memset(in, 0, sizeof(in));
	for (i = 0; i < 3; i++) {
		out[i].msg_hdr.msg_iov = &oiov[i];
		out[i].msg_hdr.msg_iovlen = 1;
		iiov[i] = (struct iovec){ bufs[i], sizeof(bufs[i]) };
		in[i].msg_hdr.msg_iov = &iiov[i];
		in[i].msg_hdr.msg_iovlen = 1;
	}
	switch (n) {
	case 0:
		TST_EXP_VAL(sendmmsg(sv[0], out, 3, 0), 3, "sendmmsg() of 3 datagrams");
		TST_EXP_EXPR(out[0].msg_len == 1 && out[1].msg_len == 2 && out[2].msg_len == 3, "msg_len 1/2/3");
		TST_EXP_VAL(recvmmsg(sv[1], in, 3, 0, NULL), 3, "recvmmsg() of 3");
		TST_EXP_EXPR(in[0].msg_len == 1 && in[1].msg_len == 2 && in[2].msg_len == 3 &&
			     !memcmp(bufs[2], "ccc", 3), "lengths and data intact");
		break;
	case 1:
		sendmmsg(sv[0], out, 2, 0);
		TST_EXP_VAL(recvmmsg(sv[1], in, 3, MSG_WAITFORONE, NULL), 2,
			    "MSG_WAITFORONE returns the 2 queued");
		TST_EXP_VAL(sendmmsg(sv[0], out, 0, 0), 0, "sendmmsg() vlen 0");
		break;
	case 2:
		TST_EXP_FAIL(sendmmsg(sv[0], tst_get_bad_addr(NULL), 1, 0), EFAULT, "unmapped vector");
		TST_EXP_FAIL(sendmmsg(999, out, 1, 0), EBADF, "fd 999");
		sendmmsg(sv[0], out, 1, 0);
		TST_EXP_FAIL(recvmmsg(sv[1], in, 1, 0, &neg), EINVAL, "negative timeout");
		break;
	}
	SAFE_CLOSE(sv[0]);
	SAFE_CLOSE(sv[1]);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
