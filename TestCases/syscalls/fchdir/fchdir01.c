/* fchdir(): relative names resolve in the new directory, an O_PATH
 * directory fd works, a directory removed after opening can still be
 * entered (getcwd then says ENOENT); EACCES without search permission for
 * an unprivileged user, ENOTDIR for a file fd, EBADF.
 * SYSCALLS: fchdir getcwd openat close mkdirat unlinkat setuid setgid clone wait4 faccessat geteuid */
#include <limits.h>
#include <sys/syscall.h>
#include "tst_test.h"

static int home = -1;

static void setup(void)
{
	home = SAFE_OPEN(".", O_RDONLY | O_DIRECTORY);
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/inside", "x");
	SAFE_MKDIR("locked", 0700);
}

static void cleanup(void)
{
	if (home >= 0)
		SAFE_CLOSE(home);
}

static void run(unsigned int n)
{
	char buf[PATH_MAX];
	int fd;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
		TST_EXP_PASS(fchdir(fd), "fchdir() to d");
		TST_EXP_EXPR(access("inside", F_OK) == 0, "\"inside\" resolves in the new cwd");
		SAFE_GETCWD(buf, sizeof(buf));
		TST_EXP_EXPR(strlen(buf) >= 2 && !strcmp(buf + strlen(buf) - 2, "/d"),
			     "getcwd() ends in /d (%s)", buf);
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = SAFE_OPEN("d", O_PATH | O_DIRECTORY);
		TST_EXP_PASS(fchdir(fd), "fchdir() to an O_PATH directory fd");
		TST_EXP_EXPR(access("inside", F_OK) == 0, "\"inside\" resolves after the O_PATH fchdir");
		SAFE_CLOSE(fd);
		break;
	case 2:
		SAFE_MKDIR("gone", 0755);
		fd = SAFE_OPEN("gone", O_RDONLY | O_DIRECTORY);
		SAFE_RMDIR("gone");
		TST_EXP_PASS(fchdir(fd), "fchdir() to a removed directory");
		TST_EXP_FAIL2(syscall(__NR_getcwd, buf, sizeof(buf)), ENOENT,
			      "getcwd() in a removed directory");
		SAFE_CLOSE(fd);
		break;
	case 3:
		fd = SAFE_OPEN("locked", O_RDONLY | O_DIRECTORY);
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			TST_EXP_FAIL(fchdir(fd), EACCES, "unprivileged fchdir() into a 0700 root dir");
			exit(0);
		}
		tst_reap_children();
		SAFE_CLOSE(fd);
		break;
	case 4:
		fd = SAFE_OPEN("d/inside", O_RDONLY);
		TST_EXP_FAIL(fchdir(fd), ENOTDIR, "fchdir() to a regular file fd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(fchdir(-1), EBADF, "fchdir(-1)");
		break;
	}
	if (fchdir(home))
		tst_brk(TBROK | TERRNO, "fchdir() back to the tmpdir");
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
	.needs_root = 1,
	.forks_child = 1,
};
