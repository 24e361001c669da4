/* close_range(): closes every open fd in [first, last] and nothing else,
 * ~0U as last reaches the end of the table, CLOSE_RANGE_CLOEXEC only marks
 * them close-on-exec, CLOSE_RANGE_UNSHARE works; EINVAL for first > last and
 * for an unknown flag.
 * SYSCALLS: close_range dup3 fcntl openat close */
#include <linux/close_range.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static int base = -1;

static long do_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	return tst_syscall(__NR_close_range, first, last, flags);
}

static int is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1;
}

/* Opens fds 100..104 as copies of one file. */
static void open_five(void)
{
	for (int i = 100; i < 105; i++)
		SAFE_DUP2(base, i);
}

static void close_five(void)
{
	for (int i = 100; i < 105; i++)
		close(i);
}

static void setup(void)
{
	base = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (base >= 0)
		SAFE_CLOSE(base);
}

static void run(unsigned int n)
{
	open_five();
	switch (n) {
	case 0:
		TST_EXP_PASS(do_close_range(100, 102, 0), "close_range(100, 102, 0)");
		TST_EXP_EXPR(!is_open(100) && !is_open(101) && !is_open(102),
			     "fds 100..102 are closed");
		TST_EXP_EXPR(is_open(103) && is_open(104) && is_open(base),
			     "fds 103, 104 and the base fd stay open");
		break;
	case 1:
		TST_EXP_PASS(do_close_range(103, ~0U, 0), "close_range(103, ~0U, 0)");
		TST_EXP_EXPR(is_open(102) && !is_open(103) && !is_open(104),
			     "~0U closed everything from 103 up");
		break;
	case 2:
		TST_EXP_PASS(do_close_range(101, 103, CLOSE_RANGE_CLOEXEC),
			     "close_range(101, 103, CLOSE_RANGE_CLOEXEC)");
		TST_EXP_EXPR(fcntl(101, F_GETFD) == FD_CLOEXEC && fcntl(103, F_GETFD) == FD_CLOEXEC,
			     "fds 101 and 103 are open with FD_CLOEXEC");
		TST_EXP_EXPR(fcntl(100, F_GETFD) == 0 && fcntl(104, F_GETFD) == 0,
			     "fds 100 and 104 are unchanged");
		break;
	case 3:
		TST_EXP_PASS(do_close_range(500, 600, 0), "close_range() over a range with no open fd");
		TST_EXP_PASS(do_close_range(104, 104, CLOSE_RANGE_UNSHARE),
			     "close_range(104, 104, CLOSE_RANGE_UNSHARE)");
		TST_EXP_EXPR(!is_open(104) && is_open(103), "only fd 104 closed after unsharing");
		break;
	case 4:
		TST_EXP_FAIL(do_close_range(103, 101, 0), EINVAL, "close_range() with first > last");
		TST_EXP_FAIL(do_close_range(100, 104, 0x80), EINVAL, "close_range() with unknown flag 0x80");
		TST_EXP_EXPR(is_open(100) && is_open(104), "failed calls closed nothing");
		break;
	}
	close_five();
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
