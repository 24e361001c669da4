/* mq_timedsend()/mq_timedreceive(): messages come out highest priority
 * first, FIFO within a priority, with the priority reported; a full queue
 * with an absolute timeout already past fails ETIMEDOUT, O_NONBLOCK gives
 * EAGAIN for both directions; EMSGSIZE for a message larger than
 * mq_msgsize and a receive buffer smaller than it; EINVAL for priority
 * 40000 and tv_nsec >= 1e9 on a full queue; EBADF for a read-only
 * descriptor used to send.
 * SYSCALLS: mq_open mq_unlink mq_timedsend mq_timedreceive mq_getsetattr clock_gettime close */
#include <mqueue.h>
#include <time.h>
#include "tst_test.h"

static char name[64];
static mqd_t q = -1;

static void setup(void)
{
	struct mq_attr attr = { .mq_maxmsg = 3, .mq_msgsize = 16 };

	snprintf(name, sizeof(name), "/ferry-mq-send-%d", getpid());
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

static void drain(void)
{
	struct mq_attr na = { .mq_flags = O_NONBLOCK }, old;
	char buf[16];

	mq_setattr(q, &na, &old);
	while (mq_receive(q, buf, sizeof(buf), NULL) >= 0)
		;
	mq_setattr(q, &old, NULL);
}

static void run(unsigned int n)
{
	struct timespec past, bad = { 0, 1000000000 };
	struct mq_attr na = { .mq_flags = O_NONBLOCK }, old;
	char buf[16], small[8];
	unsigned int prio;
	mqd_t ro;

	clock_gettime(CLOCK_REALTIME, &past);
	past.tv_sec -= 1;
	drain();
	switch (n) {
	case 0:
		TST_EXP_PASS(mq_timedsend(q, "low", 4, 1, &past), "mq_timedsend(prio 1)");
		TST_EXP_PASS(mq_timedsend(q, "high", 5, 9, &past), "mq_timedsend(prio 9)");
		TST_EXP_PASS(mq_timedsend(q, "low2", 5, 1, &past), "mq_timedsend(prio 1 again)");
		TST_EXP_VAL(mq_timedreceive(q, buf, sizeof(buf), &prio, &past), 5, "receive highest first");
		TST_EXP_EXPR(!strcmp(buf, "high") && prio == 9, "'high' with priority 9");
		mq_timedreceive(q, buf, sizeof(buf), &prio, &past);
		TST_EXP_EQ_STR(buf, "low");
		mq_timedreceive(q, buf, sizeof(buf), &prio, &past);
		TST_EXP_EQ_STR(buf, "low2");
		break;
	case 1:
		for (int i = 0; i < 3; i++)
			mq_send(q, "x", 1, 0);
		TST_EXP_FAIL(mq_timedsend(q, "x", 1, 0, &past), ETIMEDOUT, "full queue, deadline passed");
		TST_EXP_FAIL(mq_timedsend(q, "x", 1, 0, &bad), EINVAL, "full queue, tv_nsec 1e9");
		mq_setattr(q, &na, &old);
		TST_EXP_FAIL(mq_send(q, "x", 1, 0), EAGAIN, "O_NONBLOCK send to a full queue");
		drain();
		TST_EXP_FAIL(mq_receive(q, buf, sizeof(buf), NULL), EAGAIN, "O_NONBLOCK receive from an empty queue");
		mq_setattr(q, &old, NULL);
		TST_EXP_FAIL(mq_timedreceive(q, buf, sizeof(buf), NULL, &past), ETIMEDOUT,
			     "empty queue, deadline passed");
		break;
	case 2:
		TST_EXP_FAIL(mq_send(q, "0123456789abcdefXYZ", 19, 0), EMSGSIZE, "19-byte message, msgsize 16");
		TST_EXP_FAIL(mq_receive(q, small, sizeof(small), NULL), EMSGSIZE, "8-byte receive buffer");
		TST_EXP_FAIL(mq_send(q, "x", 1, 40000), EINVAL, "priority 40000");
		ro = mq_open(name, O_RDONLY);
		TST_EXP_FAIL(mq_send(ro, "x", 1, 0), EBADF, "send on a read-only descriptor");
		mq_close(ro);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
