/* mq_getsetattr(): mq_getattr counts queued messages; mq_setattr changes
 * only O_NONBLOCK (maxmsg/msgsize in the new attributes are ignored) and
 * returns the old attributes; EBADF for a bad descriptor and for a regular
 * file descriptor, EFAULT via the raw call.
 * SYSCALLS: mq_getsetattr mq_open mq_unlink mq_timedsend openat close */
#include <mqueue.h>
#include <sys/syscall.h>
#include "tst_test.h"

static char name[64];
static mqd_t q = -1;

static void setup(void)
{
	struct mq_attr attr = { .mq_maxmsg = 5, .mq_msgsize = 32 };

	snprintf(name, sizeof(name), "/ferry-mq-attr-%d", getpid());
	q = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
	if (q < 0)
		tst_brk(TCONF | TERRNO, "mq_open()");
}

static void cleanup(void)
{
	if (q >= 0)
		mq_close(q);
	mq_unlink(name);
}

static void run(unsigned int n)
{
	struct mq_attr a, old, na = { .mq_flags = O_NONBLOCK, .mq_maxmsg = 99, .mq_msgsize = 99 };
	int fd;

	switch (n) {
	case 0:
		mq_send(q, "one", 3, 0);
		mq_send(q, "two", 3, 0);
		TST_EXP_PASS(mq_getattr(q, &a), "mq_getattr()");
		TST_EXP_EXPR(a.mq_curmsgs == 2 && a.mq_maxmsg == 5 && a.mq_msgsize == 32 && !(a.mq_flags & O_NONBLOCK),
			     "2 queued, maxmsg 5, msgsize 32, blocking");
		break;
	case 1:
		TST_EXP_PASS(mq_setattr(q, &na, &old), "mq_setattr(O_NONBLOCK)");
		TST_EXP_EXPR(!(old.mq_flags & O_NONBLOCK), "old attributes were blocking");
		mq_getattr(q, &a);
		TST_EXP_EXPR((a.mq_flags & O_NONBLOCK) && a.mq_maxmsg == 5 && a.mq_msgsize == 32,
			     "O_NONBLOCK set, sizes unchanged");
		na.mq_flags = 0;
		mq_setattr(q, &na, NULL);
		break;
	case 2:
		TST_EXP_FAIL(mq_getattr(999, &a), EBADF, "mq_getattr(999)");
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(mq_getattr(fd, &a), EBADF, "mq_getattr() of /dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_mq_getsetattr, q, NULL, tst_get_bad_addr(NULL)), EFAULT,
			     "old attributes into unmapped memory");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
