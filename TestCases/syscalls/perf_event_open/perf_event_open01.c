/* perf_event_open(): a software task-clock counter on the calling thread
 * (user space only, allowed by perf_event_paranoid <= 2) counts time that
 * read() returns and that grows while the thread spins. Errors: EINVAL
 * (unknown flags), E2BIG (attr size too small), EBADF (group fd), ENOENT
 * (unknown software event or event type), EFAULT.
 * SYSCALLS: perf_event_open read ioctl */
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "tst_test.h"

static long peo(struct perf_event_attr *a, int group, unsigned long flags)
{
	return syscall(__NR_perf_event_open, a, 0, -1, group, flags);
}

static void init(struct perf_event_attr *a, unsigned long long config)
{
	memset(a, 0, sizeof(*a));
	a->type = PERF_TYPE_SOFTWARE;
	a->size = sizeof(*a);
	a->config = config;
	a->exclude_kernel = 1;
	a->exclude_hv = 1;
}

static void run(unsigned int n)
{
	struct perf_event_attr a;
	unsigned long long c1 = 0, c2 = 0;
	volatile unsigned long spin;
	int fd;

	init(&a, PERF_COUNT_SW_TASK_CLOCK);
	switch (n) {
	case 0:
		TST_EXP_FD(peo(&a, -1, PERF_FLAG_FD_CLOEXEC), "perf_event_open(SW_TASK_CLOCK)");
		fd = TST_RET;
		if (fd < 0)
			return;
		for (spin = 0; spin < 1000000; spin++)
			;
		TST_EXP_VAL(read(fd, &c1, sizeof(c1)), sizeof(c1), "read() of the counter");
		for (spin = 0; spin < 1000000; spin++)
			;
		TST_EXP_VAL(read(fd, &c2, sizeof(c2)), sizeof(c2), "read() again");
		TST_EXP_EXPR(c1 > 0 && c2 > c1, "the task clock grows while spinning");
		TST_EXP_PASS(ioctl(fd, PERF_EVENT_IOC_DISABLE, 0), "PERF_EVENT_IOC_DISABLE");
		SAFE_CLOSE(fd);
		break;
	case 1:
		TST_EXP_FAIL(peo(&a, -1, 0x80000000UL), EINVAL, "perf_event_open() with an unknown flag");
		TST_EXP_FAIL(peo(&a, 999, 0), EBADF, "perf_event_open() with a closed group fd");
		a.size = 7;
		TST_EXP_FAIL(peo(&a, -1, 0), E2BIG, "perf_event_open() with attr size 7");
		init(&a, 9999);
		TST_EXP_FAIL(peo(&a, -1, 0), ENOENT, "perf_event_open() of an unknown software event");
		init(&a, 0);
		a.type = 0x7ffffff0;
		TST_EXP_FAIL(peo(&a, -1, 0), ENOENT, "perf_event_open() of an unknown event type");
		TST_EXP_FAIL(peo(tst_get_bad_addr(NULL), -1, 0), EFAULT,
			     "perf_event_open() of an unmapped attr");
		break;
	}
}

static void setup(void)
{
	struct perf_event_attr a;
	long fd;

	init(&a, PERF_COUNT_SW_TASK_CLOCK);
	errno = 0;
	fd = peo(&a, -1, 0);
	if (fd < 0 && (errno == ENOSYS || errno == EACCES || errno == EPERM))
		tst_brk(TCONF | TERRNO, "perf_event_open() not permitted or not supported");
	if (fd >= 0)
		close(fd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
};
