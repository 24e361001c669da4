/* prctl() per-thread names and dumpability: PR_SET_NAME in a second thread
 * renames only that thread (its /proc/self/task/<tid>/comm changes, the
 * main thread's PR_GET_NAME does not); a 15-character name round-trips and
 * a longer one is cut to 15 with a NUL; PR_GET_NAME of an empty name is "";
 * PR_SET_DUMPABLE is inherited by a forked child, a root process that
 * switches uid becomes dumpable as /proc/sys/fs/suid_dumpable says, and
 * PR_SET_DUMPABLE 2 is EINVAL.
 * SYSCALLS: prctl gettid openat read close clone setuid wait4 exit exit_group madvise rt_sigprocmask geteuid futex */
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "tst_test.h"

/* prctl() that must succeed for the test to mean anything. */
#define SAFE_PRCTL(...) do { \
	if (prctl(__VA_ARGS__) == -1) \
		tst_brk(TBROK | TERRNO, "prctl(" #__VA_ARGS__ ")"); \
} while (0)

static char main_name[16];
static char thread_comm[32];
static char thread_get[16];

static void read_comm(pid_t tid, char *buf, size_t size)
{
	char path[64];
	int fd;
	ssize_t len;

	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", (int)tid);
	fd = SAFE_OPEN(path, O_RDONLY);
	len = SAFE_READ(0, fd, buf, size - 1);
	buf[len] = 0;
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = 0;
	SAFE_CLOSE(fd);
}

static void *renamer(void *arg)
{
	prctl(PR_SET_NAME, "worker-thread");
	prctl(PR_GET_NAME, thread_get);
	read_comm(syscall(__NR_gettid), thread_comm, sizeof(thread_comm));
	return NULL;
}

static void run(unsigned int n)
{
	char name[32], comm[32];
	pthread_t th;
	pid_t pid;
	int status, suid_dumpable;

	switch (n) {
	case 0:
		SAFE_PRCTL(PR_SET_NAME, "main-thread");
		pthread_create(&th, NULL, renamer, NULL);
		pthread_join(th, NULL);
		TST_EXP_EQ_STR(thread_get, "worker-thread");
		TST_EXP_EQ_STR(thread_comm, "worker-thread");
		memset(main_name, 0, sizeof(main_name));
		TST_EXP_PASS(prctl(PR_GET_NAME, main_name), "PR_GET_NAME in the main thread");
		TST_EXP_EQ_STR(main_name, "main-thread");
		read_comm(getpid(), comm, sizeof(comm));
		TST_EXP_EQ_STR(comm, "main-thread");
		break;
	case 1:
		TST_EXP_PASS(prctl(PR_SET_NAME, "fifteen-chars-x"), "PR_SET_NAME of 15 characters");
		memset(name, 0x55, sizeof(name));
		prctl(PR_GET_NAME, name);
		TST_EXP_EQ_STR(name, "fifteen-chars-x");
		TST_EXP_PASS(prctl(PR_SET_NAME, "a-name-that-is-much-longer"), "PR_SET_NAME of 26 characters");
		memset(name, 0x55, sizeof(name));
		prctl(PR_GET_NAME, name);
		TST_EXP_EXPR(!memcmp(name, "a-name-that-is-", 15) && name[15] == 0,
			     "cut to 15 characters and a NUL (%.16s)", name);
		TST_EXP_PASS(prctl(PR_SET_NAME, ""), "PR_SET_NAME of an empty name");
		memset(name, 0x55, sizeof(name));
		prctl(PR_GET_NAME, name);
		TST_EXP_EQ_STR(name, "");
		break;
	case 2:
		SAFE_PRCTL(PR_SET_DUMPABLE, 0);
		TST_EXP_VAL(prctl(PR_GET_DUMPABLE), 0, "PR_GET_DUMPABLE after setting 0");
		pid = SAFE_FORK();
		if (!pid)
			_exit(prctl(PR_GET_DUMPABLE) == 0 ? 0 : 1);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "a forked child inherits dumpable 0");
		SAFE_PRCTL(PR_SET_DUMPABLE, 1);
		TST_EXP_VAL(prctl(PR_GET_DUMPABLE), 1, "PR_GET_DUMPABLE after setting 1");
		TST_EXP_FAIL(prctl(PR_SET_DUMPABLE, 2), EINVAL, "PR_SET_DUMPABLE 2 (SUID_DUMP_ROOT)");
		TST_EXP_FAIL(prctl(PR_SET_DUMPABLE, 3), EINVAL, "PR_SET_DUMPABLE 3");
		break;
	case 3:
		SAFE_FILE_SCANF("/proc/sys/fs/suid_dumpable", "%d", &suid_dumpable);
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_PRCTL(PR_SET_DUMPABLE, 1);
			SAFE_SETUID(65534);
			TST_EXP_VAL(prctl(PR_GET_DUMPABLE), suid_dumpable,
				    "dumpable after changing uid equals fs.suid_dumpable");
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
