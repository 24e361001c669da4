/* inotify_init1(): IN_CLOEXEC and IN_NONBLOCK land on the new fd (an empty
 * non-blocking instance reads EAGAIN), plain inotify_init() gives a
 * blocking fd without FD_CLOEXEC; EINVAL for an unknown flag.
 * SYSCALLS: inotify_init1 fcntl read close */
#include <sys/inotify.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	char buf[256];
	int fd;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(inotify_init1(IN_CLOEXEC | IN_NONBLOCK), "inotify_init1(IN_CLOEXEC|IN_NONBLOCK)");
		if (fd < 0)
			return;
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), FD_CLOEXEC);
		TST_EXP_EXPR(fcntl(fd, F_GETFL) & O_NONBLOCK, "O_NONBLOCK is set");
		TST_EXP_FAIL2(read(fd, buf, sizeof(buf)), EAGAIN, "read() of an empty non-blocking instance");
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = TST_EXP_FD(inotify_init(), "inotify_init()");
		if (fd < 0)
			return;
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), 0);
		TST_EXP_EXPR(!(fcntl(fd, F_GETFL) & O_NONBLOCK), "O_NONBLOCK is clear");
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_FAIL2(inotify_init1(0x1), EINVAL, "inotify_init1() with unknown flag 0x1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
