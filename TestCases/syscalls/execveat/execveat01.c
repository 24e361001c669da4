/* execveat(): runs the test's own binary by directory fd + name, by an
 * O_PATH fd with AT_EMPTY_PATH; an O_CLOEXEC descriptor is closed in the
 * new image; EINVAL for unknown flags, ENOTDIR for a relative name with a
 * non-directory fd, EBADF for a bad dirfd, ENOENT for "" without
 * AT_EMPTY_PATH, ELOOP for a symlink with AT_SYMLINK_NOFOLLOW.
 * SYSCALLS: execveat readlinkat openat fcntl symlinkat close clone wait4 exit_group */
#include <libgen.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_execveat
# define __NR_execveat 322
#endif

/* In the re-executed image: the marker names what to check. */
__attribute__((constructor)) static void exec_child(int argc, char **argv, char **envp)
{
	const char *m = getenv("FERRY_EXECVEAT_CHILD");

	if (!m)
		return;
	if (!strncmp(m, "fd=", 3))
		_exit(fcntl(atoi(m + 3), F_GETFD) == -1 && errno == EBADF ? 50 : 51);
	_exit(40 + argc);
}

static char self[4096], dir[4096], base[1024];

static void setup(void)
{
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (len < 0)
		tst_brk(TCONF | TERRNO, "readlink(/proc/self/exe): cannot locate this binary");
	self[len] = 0;
	strcpy(dir, self);
	strcpy(dir, dirname(dir));
	strcpy(base, self + strlen(dir) + 1);
	SAFE_SYMLINK(self, "link");
}

static int exec_in_child(int dfd, const char *path, char *const envp[], int flags)
{
	char *argv[] = { "execveat01", "x", NULL };
	int status;
	pid_t pid = SAFE_FORK();

	if (!pid) {
		syscall(__NR_execveat, dfd, path, argv, envp, flags);
		_exit(errno == ENOEXEC ? 99 : errno == ENOSYS ? 97 : 98);
	}
	SAFE_WAITPID(pid, &status, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 99) {
		tst_res(TCONF, "the kernel cannot execute this binary (emulated without binfmt_misc?)");
		return -2;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 97)
		tst_brk(TCONF, "execveat() not supported");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Checks the re-executed image's exit code unless exec was impossible. */
#define EXPECT_EXIT(call, code) do { \
	int r__ = (call); \
	if (r__ != -2) \
		TST_EXP_EQ_LI(r__, code); \
} while (0)

static void run(unsigned int n)
{
	char *envp[] = { "FERRY_EXECVEAT_CHILD=1", NULL };
	char *argv[] = { "execveat01", NULL };
	char fdenv[64];
	char *envfd[] = { fdenv, NULL };
	int dfd, fd;

	switch (n) {
	case 0:
		dfd = SAFE_OPEN(dir, O_RDONLY | O_DIRECTORY);
		EXPECT_EXIT(exec_in_child(dfd, base, envp, 0), 42);
		SAFE_CLOSE(dfd);
		break;
	case 1:
		fd = SAFE_OPEN(self, O_PATH);
		EXPECT_EXIT(exec_in_child(fd, "", envp, AT_EMPTY_PATH), 42);
		SAFE_CLOSE(fd);
		break;
	case 2:
		fd = SAFE_OPEN("/dev/null", O_RDONLY | O_CLOEXEC);
		snprintf(fdenv, sizeof(fdenv), "FERRY_EXECVEAT_CHILD=fd=%d", fd);
		EXPECT_EXIT(exec_in_child(AT_FDCWD, self, envfd, 0), 50);
		SAFE_CLOSE(fd);
		break;
	case 3:
		dfd = SAFE_OPEN(dir, O_RDONLY | O_DIRECTORY);
		fd = SAFE_OPEN(self, O_RDONLY);
		TST_EXP_FAIL(tst_syscall(__NR_execveat, dfd, base, argv, envp, 0x4), EINVAL,
			     "execveat() with unknown flag 0x4");
		TST_EXP_FAIL(syscall(__NR_execveat, fd, base, argv, envp, 0), ENOTDIR,
			     "execveat() relative to a regular-file fd");
		TST_EXP_FAIL(syscall(__NR_execveat, 999, base, argv, envp, 0), EBADF,
			     "execveat() relative to a closed fd");
		TST_EXP_FAIL(syscall(__NR_execveat, fd, "", argv, envp, 0), ENOENT,
			     "execveat() of \"\" without AT_EMPTY_PATH");
		TST_EXP_FAIL(syscall(__NR_execveat, AT_FDCWD, "link", argv, envp, AT_SYMLINK_NOFOLLOW), ELOOP,
			     "execveat(AT_SYMLINK_NOFOLLOW) of a symlink");
		SAFE_CLOSE(fd);
		SAFE_CLOSE(dfd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
