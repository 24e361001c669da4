/* mq_open()/mq_unlink(): O_CREAT makes a queue with the given attributes
 * (read back with mq_getattr) and a second open finds it; O_EXCL then
 * EEXIST; after mq_unlink the name is gone (ENOENT) but an open descriptor
 * still works; EINVAL for mq_maxmsg 0, ENOENT without O_CREAT,
 * ENAMETOOLONG, EACCES for a name with a second slash and for an
 * unprivileged user on a 0600 queue.
 * SYSCALLS: mq_open mq_unlink mq_getsetattr mq_timedsend close setuid clone wait4 exit_group geteuid */
#include <mqueue.h>
#include "tst_test.h"

static char name[64];

static void setup(void)
{
	snprintf(name, sizeof(name), "/ferry-mq-open-%d", getpid());
}

static void cleanup(void)
{
	mq_unlink(name);
}

static void run(unsigned int n)
{
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 }, got;
	char longname[512];
	mqd_t a, b;
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		a = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
		TST_EXP_EXPR(a >= 0, "mq_open(O_CREAT, maxmsg 4, msgsize 64)");
		TST_EXP_PASS(mq_getattr(a, &got), "mq_getattr()");
		TST_EXP_EXPR(got.mq_maxmsg == 4 && got.mq_msgsize == 64 && got.mq_curmsgs == 0,
			     "attributes read back");
		b = mq_open(name, O_RDWR);
		TST_EXP_EXPR(b >= 0 && b != a, "second mq_open() of the name");
		TST_EXP_FAIL(mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr), EEXIST, "O_EXCL on an existing queue");
		TST_EXP_PASS(mq_unlink(name), "mq_unlink()");
		TST_EXP_FAIL(mq_open(name, O_RDWR), ENOENT, "open after unlink");
		TST_EXP_PASS(mq_send(b, "still", 5, 0), "send on a descriptor of the unlinked queue");
		TST_EXP_FAIL(mq_unlink(name), ENOENT, "mq_unlink() twice");
		mq_close(a);
		mq_close(b);
		break;
	case 1:
		attr.mq_maxmsg = 0;
		TST_EXP_FAIL(mq_open(name, O_CREAT | O_RDWR, 0600, &attr), EINVAL, "mq_maxmsg 0");
		TST_EXP_FAIL(mq_open("/ferry-no-such-mq", O_RDWR), ENOENT, "missing queue without O_CREAT");
		memset(longname, 'n', sizeof(longname));
		longname[0] = '/';
		longname[sizeof(longname) - 1] = 0;
		TST_EXP_FAIL(mq_open(longname, O_CREAT | O_RDWR, 0600, NULL), ENAMETOOLONG, "511-char name");
		TST_EXP_FAIL(mq_open("/a/b", O_CREAT | O_RDWR, 0600, NULL), EACCES, "name with a second slash");
		break;
	case 2:
		a = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(mq_open(name, O_RDWR), EACCES, "unprivileged open of a 0600 queue");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		mq_close(a);
		mq_unlink(name);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
	.needs_root = 1,
};
