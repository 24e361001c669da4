/* setns(): a process joins the UTS namespace of another through
 * /proc/PID/ns/uts and sees its hostname; nstype 0 accepts any kind; EINVAL
 * when nstype names another kind (CLONE_NEWNET for a UTS fd) and for a
 * descriptor that is not a namespace, EBADF for a closed descriptor. TCONF
 * when CLONE_NEWUTS is refused.
 * SYSCALLS: setns unshare sethostname uname openat clone wait4 pipe2 read write exit_group geteuid */
#include <sched.h>
#include <sys/utsname.h>
#include "tst_test.h"

static void run(void)
{
	char path[64], c;
	struct utsname u;
	int ready[2], done[2], fd, status;
	pid_t owner, joiner;

	SAFE_PIPE(ready);
	SAFE_PIPE(done);
	owner = SAFE_FORK();
	if (!owner) {
		c = unshare(CLONE_NEWUTS) == 0 && sethostname("ferry-setns", 11) == 0 ? 'y' : 'n';
		SAFE_WRITE(1, ready[1], &c, 1);
		SAFE_READ(1, done[0], &c, 1);
		_exit(0);
	}
	SAFE_READ(1, ready[0], &c, 1);
	if (c != 'y') {
		SAFE_WRITE(1, done[1], "x", 1);
		tst_reap_children();
		tst_brk(TCONF, "unshare(CLONE_NEWUTS) refused");
	}
	snprintf(path, sizeof(path), "/proc/%d/ns/uts", owner);

	joiner = SAFE_FORK();
	if (!joiner) {
		fd = SAFE_OPEN(path, O_RDONLY);
		TST_EXP_FAIL(setns(fd, CLONE_NEWNET), EINVAL, "setns() of a UTS fd as CLONE_NEWNET");
		TST_EXP_PASS(setns(fd, CLONE_NEWUTS), "setns(CLONE_NEWUTS)");
		uname(&u);
		TST_EXP_EQ_STR(u.nodename, "ferry-setns");
		_exit(0);
	}
	SAFE_WAITPID(joiner, &status, 0);

	joiner = SAFE_FORK();
	if (!joiner) {
		fd = SAFE_OPEN(path, O_RDONLY);
		TST_EXP_PASS(setns(fd, 0), "setns() with nstype 0");
		uname(&u);
		TST_EXP_EQ_STR(u.nodename, "ferry-setns");
		_exit(0);
	}
	SAFE_WAITPID(joiner, &status, 0);
	SAFE_WRITE(1, done[1], "x", 1);
	SAFE_WAITPID(owner, &status, 0);

	uname(&u);
	TST_EXP_EXPR(strcmp(u.nodename, "ferry-setns") != 0, "the test process kept its own hostname");
	fd = SAFE_OPEN("/dev/null", O_RDONLY);
	TST_EXP_FAIL(setns(fd, 0), EINVAL, "setns() of /dev/null");
	SAFE_CLOSE(fd);
	TST_EXP_FAIL(setns(fd, 0), EBADF, "setns() of a closed fd");
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
