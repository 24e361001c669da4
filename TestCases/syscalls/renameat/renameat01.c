/* renameat(): moves a file between two directory fds (the inode travels),
 * replaces an existing target; ENOTDIR for a regular-file dirfd, EBADF,
 * ENOENT, EXDEV when the target is on another mount (/proc). The renameat2
 * syscall with flags 0 moves it back the same way; EINVAL for an unknown
 * renameat2 flag.
 * SYSCALLS: renameat renameat2 openat close newfstatat mkdirat faccessat read */
#include <sys/syscall.h>
#include "tst_test.h"

static int a = -1, b = -1, ffd = -1;

static void setup(void)
{
	SAFE_MKDIR("a", 0755);
	SAFE_MKDIR("b", 0755);
	a = SAFE_OPEN("a", O_RDONLY | O_DIRECTORY);
	b = SAFE_OPEN("b", O_RDONLY | O_DIRECTORY);
	ffd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (a >= 0)
		SAFE_CLOSE(a);
	if (b >= 0)
		SAFE_CLOSE(b);
	if (ffd >= 0)
		SAFE_CLOSE(ffd);
}

static void run(unsigned int n)
{
	struct stat before, after;
	char buf[8] = {0};

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("a/x", "move");
		SAFE_STAT("a/x", &before);
		TST_EXP_PASS(renameat(a, "x", b, "y"), "renameat(a, \"x\", b, \"y\")");
		SAFE_STAT("b/y", &after);
		TST_EXP_EXPR(after.st_ino == before.st_ino && access("a/x", F_OK) == -1,
			     "the inode moved from a/x to b/y");
		TST_EXP_PASS(syscall(SYS_renameat2, b, "y", a, "x", 0), "renameat2(b, \"y\", a, \"x\", 0)");
		TST_EXP_FAIL(syscall(SYS_renameat2, a, "x", b, "y", 0x80000000U), EINVAL,
			     "renameat2() with an unknown flag");
		SAFE_UNLINK("a/x");
		break;
	case 1:
		SAFE_FILE_PRINTF("a/new", "new");
		SAFE_FILE_PRINTF("b/old", "old");
		TST_EXP_PASS(renameat(a, "new", b, "old"), "renameat() over an existing file");
		SAFE_FILE_SCANF("b/old", "%7s", buf);
		TST_EXP_EXPR(!strcmp(buf, "new"), "the target now holds the moved file");
		SAFE_UNLINK("b/old");
		break;
	case 2:
		SAFE_FILE_PRINTF("a/x", "x");
		TST_EXP_FAIL(renameat(ffd, "x", b, "y"), ENOTDIR, "renameat() with a regular file old dirfd");
		TST_EXP_FAIL(renameat(a, "x", -1, "y"), EBADF, "renameat() with new dirfd -1");
		TST_EXP_FAIL(renameat(a, "missing", b, "y"), ENOENT, "renameat() of a missing name");
		if (access("/proc/self", F_OK) == 0)
			TST_EXP_FAIL(renameat(a, "x", AT_FDCWD, "/proc/x"), EXDEV,
				     "renameat() onto another mount (/proc)");
		SAFE_UNLINK("a/x");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
