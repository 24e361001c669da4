/* fcntl() descriptor commands: F_GETFD/F_SETFD, F_GETFL/F_SETFL (only
 * O_APPEND/O_NONBLOCK change, access mode stays), F_DUPFD and
 * F_DUPFD_CLOEXEC minimums; EBADF, EINVAL for a bad command or fd limit.
 * SYSCALLS: fcntl openat close */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	int d, fl;

	switch (n) {
	case 0:
		TST_EXP_VAL(fcntl(fd, F_GETFD), 0, "F_GETFD of a new fd");
		TST_EXP_PASS(fcntl(fd, F_SETFD, FD_CLOEXEC), "F_SETFD FD_CLOEXEC");
		TST_EXP_VAL(fcntl(fd, F_GETFD), FD_CLOEXEC, "F_GETFD after F_SETFD");
		SAFE_FCNTL(fd, F_SETFD, 0);
		break;
	case 1:
		fl = SAFE_FCNTL(fd, F_GETFL);
		TST_EXP_EQ_LI(fl & O_ACCMODE, O_RDWR);
		TST_EXP_PASS(fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK | O_RDONLY),
			     "F_SETFL O_APPEND|O_NONBLOCK");
		fl = SAFE_FCNTL(fd, F_GETFL);
		TST_EXP_EXPR((fl & (O_APPEND | O_NONBLOCK)) == (O_APPEND | O_NONBLOCK) &&
			     (fl & O_ACCMODE) == O_RDWR,
			     "status flags changed, access mode did not (0x%x)", fl);
		SAFE_FCNTL(fd, F_SETFL, 0);
		break;
	case 2:
		d = TST_EXP_FD(fcntl(fd, F_DUPFD, 30), "F_DUPFD with minimum 30");
		TST_EXP_EXPR(d >= 30, "F_DUPFD result %d >= 30", d);
		if (d >= 0) {
			TST_EXP_EQ_LI(fcntl(d, F_GETFD), 0);
			SAFE_CLOSE(d);
		}
		d = TST_EXP_FD(fcntl(fd, F_DUPFD_CLOEXEC, 40), "F_DUPFD_CLOEXEC with minimum 40");
		if (d >= 0) {
			TST_EXP_EQ_LI(fcntl(d, F_GETFD), FD_CLOEXEC);
			SAFE_CLOSE(d);
		}
		break;
	case 3:
		TST_EXP_FAIL2(fcntl(-1, F_GETFD), EBADF, "F_GETFD of -1");
		TST_EXP_FAIL2(fcntl(fd, 99999), EINVAL, "an unknown fcntl command");
		TST_EXP_FAIL2(fcntl(fd, F_DUPFD, -1), EINVAL, "F_DUPFD with a negative minimum");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
