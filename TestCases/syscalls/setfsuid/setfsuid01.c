/* setfsuid()/setfsgid(): return the previous fs id; a file created after
 * setfsuid(1234)/setfsgid(4321) is owned by them while the real and
 * effective ids stay root; a query with -1 returns the current value
 * without changing it.
 * SYSCALLS: setfsuid setfsgid getresuid openat newfstatat close clone wait4 exit_group geteuid */
#include <sys/fsuid.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	int status, fd;
	pid_t pid;
	struct stat st;
	uid_t r, e, s;

	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_VAL(syscall(__NR_setfsuid, 1234), 0, "setfsuid(1234) returns the old fsuid 0");
		TST_EXP_VAL(syscall(__NR_setfsuid, -1), 1234, "setfsuid(-1) queries 1234");
		TST_EXP_VAL(syscall(__NR_setfsgid, 4321), 0, "setfsgid(4321) returns the old fsgid 0");
		fd = SAFE_OPEN("fsfile", O_CREAT | O_RDWR, 0600);
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(st.st_uid == 1234 && st.st_gid == 4321, "new file owned by fsuid/fsgid (%u:%u)",
			     st.st_uid, st.st_gid);
		SAFE_CLOSE(fd);
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 0 && e == 0, "real and effective uid still 0");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
