/* eventfd2(): reads return and reset the counter, writes add to it,
 * EFD_SEMAPHORE reads 1 at a time, an empty non-blocking eventfd gives
 * EAGAIN; EINVAL for short reads/writes and unknown flags.
 * SYSCALLS: eventfd2 read write close */
#include <sys/eventfd.h>
#include "tst_test.h"

static void run(void)
{
	uint64_t v = 0;
	int fd;

	fd = TST_EXP_FD(eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd(3, NONBLOCK|CLOEXEC)");
	if (fd < 0)
		return;
	v = 4;
	TST_EXP_VAL(write(fd, &v, 8), 8, "write() of 4");
	TST_EXP_VAL(read(fd, &v, 8), 8, "read() of the counter");
	TST_EXP_EQ_LU(v, 7);
	TST_EXP_FAIL2(read(fd, &v, 8), EAGAIN, "read() of a zero counter");
	TST_EXP_FAIL2(read(fd, &v, 4), EINVAL, "read() of 4 bytes");
	v = ~0ULL;
	TST_EXP_FAIL2(write(fd, &v, 8), EINVAL, "write() of 0xffffffffffffffff");
	SAFE_CLOSE(fd);

	fd = eventfd(2, EFD_SEMAPHORE);
	if (fd < 0)
		tst_brk(TBROK | TERRNO, "eventfd(EFD_SEMAPHORE)");
	TST_EXP_VAL(read(fd, &v, 8), 8, "EFD_SEMAPHORE read()");
	TST_EXP_EQ_LU(v, 1);
	SAFE_CLOSE(fd);

	TST_EXP_FAIL2(eventfd(0, 0x12345678), EINVAL, "eventfd() with unknown flags");
}

static struct tst_test test = {
	.test_all = run,
};
