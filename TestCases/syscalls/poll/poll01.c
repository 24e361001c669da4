/* poll(), ppoll() and select(): readiness of pipe ends (POLLIN after a
 * write, POLLOUT on an empty write end, POLLHUP after the writer closes,
 * POLLNVAL for a closed fd), timeouts returning 0; EINVAL for nfds too big.
 * SYSCALLS: ppoll pselect6 pipe2 write close prlimit64 */
#include <poll.h>
#include <sys/select.h>
#include <sys/resource.h>
#include "tst_test.h"

static void run(void)
{
	struct pollfd fds[2];
	struct timespec ts = { 0, 1000000 };
	struct timeval tv = { 0, 1000 };
	struct rlimit rl;
	fd_set rd;
	int p[2], closed;

	SAFE_PIPE(p);
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	TST_EXP_VAL(poll(fds, 2, 0), 1, "poll(): only the write end is ready");
	TST_EXP_EXPR(fds[0].revents == 0 && fds[1].revents == POLLOUT, "revents 0 / POLLOUT");
	SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
	TST_EXP_VAL(ppoll(fds, 1, &ts, NULL), 1, "ppoll() after a write");
	TST_EXP_EQ_LI(fds[0].revents, POLLIN);

	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	TST_EXP_VAL(select(p[0] + 1, &rd, NULL, NULL, &tv), 1, "select() sees the readable pipe");
	TST_EXP_EQ_LI(FD_ISSET(p[0], &rd), 1);

	SAFE_CLOSE(p[1]);
	fds[0].revents = 0;
	poll(fds, 1, 0);
	TST_EXP_EXPR(fds[0].revents & POLLHUP, "POLLHUP once the writer closed (0x%x)", fds[0].revents);
	closed = p[0];
	SAFE_CLOSE(p[0]);

	fds[0] = (struct pollfd){ .fd = closed, .events = POLLIN };
	TST_EXP_VAL(poll(fds, 1, 0), 1, "poll() of a closed fd");
	TST_EXP_EQ_LI(fds[0].revents, POLLNVAL);

	TST_EXP_VAL(poll(NULL, 0, 10), 0, "poll() with no fds times out");
	SAFE_GETRLIMIT(RLIMIT_NOFILE, &rl);
	TST_EXP_FAIL2(poll(fds, rl.rlim_cur + 1, 0), EINVAL, "poll() with nfds above RLIMIT_NOFILE");
}

static struct tst_test test = {
	.test_all = run,
};
