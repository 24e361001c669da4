/* timerfd_create(): works for CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME; TFD_CLOEXEC/TFD_NONBLOCK land on the fd; an unarmed
 * non-blocking timer reads EAGAIN and a read shorter than 8 bytes is EINVAL;
 * EINVAL for a CPU-time clock and an unknown flag.
 * SYSCALLS: timerfd_create fcntl read close */
#include <sys/timerfd.h>
#include <time.h>
#include "tst_test.h"

static const struct { clockid_t id; const char *name; } clocks[] = {
	{ CLOCK_REALTIME, "CLOCK_REALTIME" },
	{ CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
	{ CLOCK_BOOTTIME, "CLOCK_BOOTTIME" },
};

static void run(unsigned int n)
{
	uint64_t ticks;
	int fd;

	switch (n) {
	case 0:
		for (unsigned int i = 0; i < ARRAY_SIZE(clocks); i++) {
			fd = TST_EXP_FD(timerfd_create(clocks[i].id, 0), "timerfd_create(%s)", clocks[i].name);
			if (fd >= 0)
				SAFE_CLOSE(fd);
		}
		break;
	case 1:
		fd = TST_EXP_FD(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK),
				"timerfd_create(TFD_CLOEXEC|TFD_NONBLOCK)");
		if (fd < 0)
			return;
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), FD_CLOEXEC);
		TST_EXP_EXPR(fcntl(fd, F_GETFL) & O_NONBLOCK, "O_NONBLOCK is set");
		TST_EXP_FAIL2(read(fd, &ticks, sizeof(ticks)), EAGAIN, "read() of an unarmed timer");
		TST_EXP_FAIL2(read(fd, &ticks, 4), EINVAL, "read() with a 4-byte buffer");
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_FAIL2(timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), EINVAL,
			      "timerfd_create(CLOCK_PROCESS_CPUTIME_ID)");
		TST_EXP_FAIL2(timerfd_create(CLOCK_MONOTONIC, 0x1), EINVAL,
			      "timerfd_create() with unknown flag 0x1");
		TST_EXP_FAIL2(timerfd_create(-1, 0), EINVAL, "timerfd_create(clock -1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
