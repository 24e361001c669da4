/* unshare(): CLONE_NEWUTS gives the caller a new UTS namespace (the inode of
 * /proc/self/ns/uts changes, the parent's does not); CLONE_FILES gives a
 * thread its own descriptor table (a descriptor it closes stays open for the
 * other thread); CLONE_FS gives it its own cwd and umask; flags 0 is a no-op;
 * EINVAL for an unknown flag bit. TCONF when namespaces are refused.
 * SYSCALLS: unshare openat newfstatat umask clone wait4 exit_group fcntl madvise rt_sigprocmask exit geteuid futex */
#include <pthread.h>
#include <sched.h>
#include <sys/stat.h>
#include "tst_test.h"

static ino_t ns_inode(const char *path)
{
	struct stat st;

	SAFE_STAT(path, &st);
	return st.st_ino;
}

static int shared_fd = -1;
static volatile int thread_err, thread_umask_seen;

static void *files_thread(void *arg)
{
	thread_err = unshare(CLONE_FILES) == -1 ? errno : 0;
	close(shared_fd);	/* only in this thread's own copy */
	return NULL;
}

static void *fs_thread(void *arg)
{
	thread_err = unshare(CLONE_FS) == -1 ? errno : 0;
	umask(0077);
	thread_umask_seen = umask(0077);
	return NULL;
}

static void run(unsigned int n)
{
	pthread_t t;
	ino_t parent_ns, child_ns;
	mode_t old;
	pid_t pid;
	int status;

	switch (n) {
	case 0:
		parent_ns = ns_inode("/proc/self/ns/uts");
		pid = SAFE_FORK();
		if (!pid) {
			if (unshare(CLONE_NEWUTS) == -1)
				_exit(errno == EPERM ? 32 : 1);
			_exit(ns_inode("/proc/self/ns/uts") != parent_ns ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 32) {
			tst_res(TCONF, "unshare(CLONE_NEWUTS) refused with EPERM");
			break;
		}
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			     "the child's /proc/self/ns/uts names a new namespace");
		child_ns = ns_inode("/proc/self/ns/uts");
		TST_EXP_EXPR(child_ns == parent_ns, "the parent's namespace is unchanged");
		break;
	case 1:
		shared_fd = SAFE_OPEN("/dev/null", O_RDONLY);
		pthread_create(&t, NULL, files_thread, NULL);
		pthread_join(t, NULL);
		TST_EXP_EQ_LI(thread_err, 0);
		TST_EXP_EXPR(fcntl(shared_fd, F_GETFD) != -1,
			     "after unshare(CLONE_FILES) in a thread its close() left ours open");
		SAFE_CLOSE(shared_fd);
		break;
	case 2:
		old = umask(0022);
		pthread_create(&t, NULL, fs_thread, NULL);
		pthread_join(t, NULL);
		TST_EXP_EQ_LI(thread_err, 0);
		TST_EXP_EQ_LI(thread_umask_seen, 0077);
		TST_EXP_EQ_LI(umask(old), 0022);
		break;
	case 3:
		TST_EXP_PASS(unshare(0), "unshare(0)");
		TST_EXP_FAIL(unshare(0x1), EINVAL, "unshare() with flag bit 0x1 (part of the signal field)");
		TST_EXP_FAIL(unshare(CLONE_PARENT_SETTID), EINVAL, "unshare(CLONE_PARENT_SETTID)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
