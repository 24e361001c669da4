/* setgid()/setregid(): root sets all gids with setgid (getresgid), a file
 * created afterwards is owned by the new gid; setregid sets real and
 * effective gids; once the uid is dropped, setgid to a foreign gid is
 * EPERM; EINVAL for gid -1.
 * SYSCALLS: setgid setregid setuid getresgid openat newfstatat close clone wait4 exit_group geteuid */
#include "tst_test.h"

static void run(void)
{
	int status, fd;
	pid_t pid;
	gid_t r, e, s;
	struct stat st;

	TST_EXP_FAIL(setgid((gid_t)-1), EINVAL, "setgid(-1)");
	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_PASS(setgid(4321), "setgid(4321) as root");
		getresgid(&r, &e, &s);
		TST_EXP_EXPR(r == 4321 && e == 4321 && s == 4321, "all gids 4321");
		fd = SAFE_OPEN("owned", O_CREAT | O_RDWR, 0600);
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_gid, 4321);
		SAFE_CLOSE(fd);
		TST_EXP_PASS(setregid(100, 200), "setregid(100, 200)");
		getresgid(&r, &e, &s);
		TST_EXP_EXPR(r == 100 && e == 200, "real 100 effective 200");
		SAFE_SETUID(65534);
		TST_EXP_FAIL(setgid(4321), EPERM, "setgid() to a foreign gid without privilege");
		TST_EXP_FAIL(setregid(-1, 9999), EPERM, "setregid() to a foreign gid without privilege");
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
