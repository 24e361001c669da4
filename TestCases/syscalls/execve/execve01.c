/* execve(): the test re-executes its own binary; the new image sees the
 * argv and envp it was given (checked by a constructor that runs before
 * the test library and exits with a code derived from them); ENOENT for a
 * missing file, EACCES for a file without execute permission and for a
 * directory, ENOEXEC for an executable file with an unknown format,
 * ENOTDIR for a path through a regular file, EFAULT for an unmapped path.
 * SYSCALLS: execve readlinkat openat write close fchmodat clone wait4 exit_group */
#include "tst_test.h"

/* In the re-executed image: exit with argc * 10 + strlen(marker). */
__attribute__((constructor)) static void exec_child(int argc, char **argv, char **envp)
{
	const char *m = getenv("FERRY_EXECVE_CHILD");

	if (m)
		_exit(argc * 10 + (int)strlen(m));
}

static char self[4096];

static void setup(void)
{
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);

	/* Under some emulators /proc/self/exe does not resolve; case 0 then
	 * reports TCONF, the error cases still run. */
	self[len < 0 ? 0 : len] = 0;
	SAFE_FILE_PRINTF("notexec", "#!/bin/sh\n");
	SAFE_FILE_PRINTF("garbage", "this is not a program\n");
	SAFE_CHMOD("garbage", 0755);
	SAFE_MKDIR("dir", 0755);
}

static void run(unsigned int n)
{
	char *argv[] = { "execve01", "one", "two", NULL };
	char *envp[] = { "FERRY_EXECVE_CHILD=abcd", NULL };
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		if (!self[0]) {
			tst_res(TCONF, "readlink(/proc/self/exe) failed: cannot locate this binary");
			return;
		}
		pid = SAFE_FORK();
		if (!pid) {
			execve(self, argv, envp);
			_exit(errno == ENOEXEC ? 99 : 98);
		}
		SAFE_WAITPID(pid, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 99) {
			tst_res(TCONF, "the kernel cannot execute this binary (emulated without binfmt_misc?)");
			return;
		}
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 34,
			     "new image saw argc 3 and the 4-char env marker (exit %d)", WEXITSTATUS(status));
		break;
	case 1:
		TST_EXP_FAIL(execve("no-such-file", argv, envp), ENOENT, "execve() of a missing file");
		TST_EXP_FAIL(execve("notexec", argv, envp), EACCES, "execve() of a 0644 file");
		TST_EXP_FAIL(execve("dir", argv, envp), EACCES, "execve() of a directory");
		TST_EXP_FAIL(execve("garbage", argv, envp), ENOEXEC, "execve() of a text file without #!");
		TST_EXP_FAIL(execve("garbage/x", argv, envp), ENOTDIR, "execve() through a regular file");
		TST_EXP_FAIL(execve(tst_get_bad_addr(NULL), argv, envp), EFAULT, "execve() of an unmapped path");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
