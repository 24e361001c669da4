/* timerfd_settime(): a 1 ms one-shot timer makes a blocking read return an
 * expiration count >= 1, a periodic one keeps counting, an absolute time in
 * the past fires at once, the old setting comes back in old_value, a zero
 * value disarms; EINVAL for tv_nsec out of range, unknown flags and a
 * non-timerfd fd; EBADF; EFAULT.
 * SYSCALLS: timerfd_settime timerfd_create clock_gettime read ppoll pipe2 close */
#include <poll.h>
#include <sys/timerfd.h>
#include <time.h>
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (fd < 0)
		tst_brk(TBROK | TERRNO, "timerfd_create()");
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct itimerspec its = { { 0, 0 }, { 0, 1000000 } }, old;
	struct itimerspec off = { { 0, 0 }, { 0, 0 } };
	struct pollfd pfd = { .events = POLLIN };
	uint64_t ticks = 0;
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(timerfd_settime(fd, 0, &its, NULL), "timerfd_settime(1 ms one-shot)");
		TST_EXP_VAL(read(fd, &ticks, sizeof(ticks)), 8, "blocking read() waits for expiry");
		TST_EXP_EQ_LU(ticks, 1);
		break;
	case 1:
		its.it_interval.tv_nsec = 1000000;
		TST_EXP_PASS(timerfd_settime(fd, 0, &its, NULL), "timerfd_settime(1 ms periodic)");
		SAFE_READ(1, fd, &ticks, sizeof(ticks));
		TST_EXP_EXPR(ticks >= 1, "first read counts %llu expirations", (unsigned long long)ticks);
		SAFE_READ(1, fd, &ticks, sizeof(ticks));
		TST_EXP_EXPR(ticks >= 1, "the timer keeps firing (%llu more)", (unsigned long long)ticks);
		TST_EXP_PASS(timerfd_settime(fd, 0, &off, &old), "disarm with a zero value");
		TST_EXP_EXPR(old.it_interval.tv_sec == 0 && old.it_interval.tv_nsec == 1000000,
			     "old_value reports the 1 ms interval");
		pfd.fd = fd;
		TST_EXP_VAL(poll(&pfd, 1, 20), 0, "a disarmed timer stays unreadable");
		break;
	case 2:
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &its.it_value);
		its.it_value.tv_sec -= 1;
		TST_EXP_PASS(timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL),
			     "timerfd_settime(TFD_TIMER_ABSTIME, 1 s ago)");
		pfd.fd = fd;
		TST_EXP_VAL(poll(&pfd, 1, 0), 1, "a past absolute time fired at once");
		SAFE_READ(1, fd, &ticks, sizeof(ticks));
		break;
	case 3:
		its.it_value.tv_nsec = 1000000000L;
		TST_EXP_FAIL(timerfd_settime(fd, 0, &its, NULL), EINVAL, "timerfd_settime() with tv_nsec 1e9");
		its.it_value.tv_nsec = 1000;
		TST_EXP_FAIL(timerfd_settime(fd, 0x100, &its, NULL), EINVAL,
			     "timerfd_settime() with unknown flag 0x100");
		SAFE_PIPE(p);
		TST_EXP_FAIL(timerfd_settime(p[0], 0, &its, NULL), EINVAL, "timerfd_settime() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 4:
		TST_EXP_FAIL(timerfd_settime(-1, 0, &off, NULL), EBADF, "timerfd_settime(-1)");
		TST_EXP_FAIL(timerfd_settime(fd, 0, tst_get_bad_addr(NULL), NULL), EFAULT,
			     "timerfd_settime() from an unmapped new_value");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
