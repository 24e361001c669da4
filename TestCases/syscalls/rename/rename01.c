/* rename() and renameat2(): moving a file, replacing an existing file
 * atomically, renaming directories; ENOENT, EISDIR, ENOTDIR, ENOTEMPTY,
 * EINVAL (dir into itself); renameat2 RENAME_NOREPLACE gives EEXIST.
 * SYSCALLS: renameat renameat2 newfstatat mkdirat read */
#include <stdio.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct stat st;
	char buf[8] = {0};

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("a", "A");
		TST_EXP_PASS(rename("a", "b"), "rename() of a file");
		TST_EXP_FAIL(stat("a", &st), ENOENT, "old name is gone");
		SAFE_FILE_SCANF("b", "%1s", buf);
		TST_EXP_EQ_STR(buf, "A");
		SAFE_UNLINK("b");
		break;
	case 1:
		SAFE_FILE_PRINTF("src", "new");
		SAFE_FILE_PRINTF("dst", "old");
		TST_EXP_PASS(rename("src", "dst"), "rename() over an existing file");
		SAFE_FILE_SCANF("dst", "%3s", buf);
		TST_EXP_EQ_STR(buf, "new");
		SAFE_UNLINK("dst");
		break;
	case 2:
		TST_EXP_FAIL(rename("missing", "x"), ENOENT, "rename() of a missing name");
		break;
	case 3:
		SAFE_MKDIR("dir", 0755);
		SAFE_FILE_PRINTF("file", "f");
		TST_EXP_FAIL(rename("file", "dir"), EISDIR, "rename() of a file over a directory");
		TST_EXP_FAIL(rename("dir", "file"), ENOTDIR, "rename() of a directory over a file");
		TST_EXP_FAIL(rename("dir", "dir/inside"), EINVAL, "rename() of a directory into itself");
		SAFE_MKDIR("full", 0755);
		SAFE_FILE_PRINTF("full/x", "x");
		TST_EXP_FAIL(rename("dir", "full"), ENOTEMPTY, "rename() over a non-empty directory");
		TST_EXP_PASS(rename("dir", "moved"), "rename() of a directory");
		break;
	case 4:
		SAFE_FILE_PRINTF("p", "p");
		SAFE_FILE_PRINTF("q", "q");
		TEST(syscall(SYS_renameat2, AT_FDCWD, "p", AT_FDCWD, "q", 1 /* RENAME_NOREPLACE */));
		if (TST_RET == -1 && (TST_ERR == ENOSYS || TST_ERR == EINVAL)) {
			tst_res(TCONF | TTERRNO, "renameat2(RENAME_NOREPLACE) not supported here");
			break;
		}
		if (TST_RET == -1 && TST_ERR == EEXIST)
			tst_res(TPASS | TTERRNO, "renameat2(RENAME_NOREPLACE) onto an existing name");
		else
			tst_res(TFAIL | TTERRNO, "renameat2(RENAME_NOREPLACE) returned %ld", TST_RET);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
};
