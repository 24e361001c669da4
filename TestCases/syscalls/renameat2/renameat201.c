/* renameat2(): RENAME_EXCHANGE swaps two names atomically (also a file with
 * a directory), RENAME_NOREPLACE renames onto a free name, RENAME_WHITEOUT
 * leaves a 0:0 character device behind; ENOENT for EXCHANGE with a missing
 * target, EINVAL for NOREPLACE|EXCHANGE and an unknown flag.
 * SYSCALLS: renameat2 newfstatat mkdirat openat close faccessat geteuid */
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef RENAME_NOREPLACE
# define RENAME_NOREPLACE (1 << 0)
# define RENAME_EXCHANGE (1 << 1)
# define RENAME_WHITEOUT (1 << 2)
#endif

static long do_renameat2(const char *from, const char *to, unsigned int flags)
{
	return tst_syscall(__NR_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
}

static ino_t ino(const char *path)
{
	struct stat st;

	SAFE_LSTAT(path, &st);
	return st.st_ino;
}

static void run(unsigned int n)
{
	ino_t ia, ib;
	struct stat st;

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("a", "a");
		SAFE_FILE_PRINTF("b", "b");
		ia = ino("a");
		ib = ino("b");
		TST_EXP_PASS(do_renameat2("a", "b", RENAME_EXCHANGE), "renameat2(a, b, RENAME_EXCHANGE)");
		TST_EXP_EXPR(ino("a") == ib && ino("b") == ia, "the two names swapped inodes");
		SAFE_UNLINK("a");
		SAFE_UNLINK("b");
		break;
	case 1:
		SAFE_FILE_PRINTF("f", "f");
		SAFE_MKDIR("dir", 0755);
		TST_EXP_PASS(do_renameat2("f", "dir", RENAME_EXCHANGE),
			     "renameat2(RENAME_EXCHANGE) of a file with a directory");
		SAFE_LSTAT("f", &st);
		TST_EXP_EXPR(S_ISDIR(st.st_mode), "f is now the directory");
		SAFE_RMDIR("f");
		SAFE_UNLINK("dir");
		break;
	case 2:
		SAFE_FILE_PRINTF("a", "a");
		TST_EXP_PASS(do_renameat2("a", "free", RENAME_NOREPLACE),
			     "renameat2(RENAME_NOREPLACE) onto a free name");
		TST_EXP_FAIL(do_renameat2("free", "missing", RENAME_EXCHANGE), ENOENT,
			     "renameat2(RENAME_EXCHANGE) with a missing target");
		SAFE_UNLINK("free");
		break;
	case 3:
		SAFE_FILE_PRINTF("a", "a");
		SAFE_FILE_PRINTF("b", "b");
		TST_EXP_FAIL(do_renameat2("a", "b", RENAME_NOREPLACE | RENAME_EXCHANGE), EINVAL,
			     "renameat2(RENAME_NOREPLACE|RENAME_EXCHANGE)");
		TST_EXP_FAIL(do_renameat2("a", "b", 0x80), EINVAL, "renameat2() with unknown flag 0x80");
		TST_EXP_EXPR(access("a", F_OK) == 0 && access("b", F_OK) == 0,
			     "both names survived the failed calls");
		SAFE_UNLINK("a");
		SAFE_UNLINK("b");
		break;
	case 4:
		SAFE_FILE_PRINTF("w", "w");
		TEST(do_renameat2("w", "moved", RENAME_WHITEOUT));
		if (TST_RET == -1 && TST_ERR == EINVAL) {
			tst_res(TCONF, "RENAME_WHITEOUT not supported by this filesystem");
			SAFE_UNLINK("w");
			break;
		}
		TST_EXP_EXPR(TST_RET == 0, "renameat2(RENAME_WHITEOUT) returned %ld", TST_RET);
		SAFE_LSTAT("w", &st);
		TST_EXP_EXPR(S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0),
			     "a 0:0 character device whiteout was left behind");
		SAFE_UNLINK("w");
		SAFE_UNLINK("moved");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
	.needs_root = 1,
};
