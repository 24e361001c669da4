/* chown() follows symlinks, lchown() changes the link itself; ENOENT,
 * ENOTDIR, ELOOP for a symlink loop, EFAULT for an unmapped path, EPERM for
 * an unprivileged user giving a file away.
 * SYSCALLS: fchownat newfstatat symlinkat setuid setgid clone wait4 geteuid */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	SAFE_SYMLINK("f", "link");
	SAFE_SYMLINK("loop1", "loop2");
	SAFE_SYMLINK("loop2", "loop1");
}

static void ids(const char *path, int follow, uid_t *uid, gid_t *gid)
{
	struct stat st;

	if (follow)
		SAFE_STAT(path, &st);
	else
		SAFE_LSTAT(path, &st);
	*uid = st.st_uid;
	*gid = st.st_gid;
}

static void run(unsigned int n)
{
	uid_t u, lu;
	gid_t g, lg;

	if (chown("f", 0, 0) || lchown("link", 0, 0))
		tst_brk(TBROK | TERRNO, "resetting ownership");
	switch (n) {
	case 0:
		TST_EXP_PASS(chown("link", 1000, 1001), "chown(link, 1000, 1001)");
		ids("f", 1, &u, &g);
		ids("link", 0, &lu, &lg);
		TST_EXP_EXPR(u == 1000 && g == 1001 && lu == 0 && lg == 0,
			     "chown() changed the target (%d:%d), not the link (%d:%d)",
			     (int)u, (int)g, (int)lu, (int)lg);
		break;
	case 1:
		TST_EXP_PASS(lchown("link", 2000, 2001), "lchown(link, 2000, 2001)");
		ids("f", 1, &u, &g);
		ids("link", 0, &lu, &lg);
		TST_EXP_EXPR(u == 0 && lu == 2000 && lg == 2001,
			     "lchown() changed the link (%d:%d), not the target (%d)",
			     (int)lu, (int)lg, (int)u);
		TST_EXP_PASS(lchown("f", 3000, -1), "lchown() of a regular file");
		ids("f", 1, &u, &g);
		TST_EXP_EXPR(u == 3000 && g == 0, "lchown(-1 gid) kept the group");
		break;
	case 2:
		TST_EXP_FAIL(chown("missing", 0, 0), ENOENT, "chown() of a missing name");
		TST_EXP_FAIL(lchown("f/x", 0, 0), ENOTDIR, "lchown() through a regular file");
		TST_EXP_FAIL(chown("loop1", 0, 0), ELOOP, "chown() of a symlink loop");
		TST_EXP_PASS(lchown("loop1", 0, 0), "lchown() of a looping link itself");
		TST_EXP_FAIL(chown(tst_get_bad_addr(NULL), 0, 0), EFAULT, "chown() of an unmapped path");
		break;
	case 3:
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			TST_EXP_FAIL(chown("f", 65534, 65534), EPERM,
				     "chown() of root's file by an unprivileged user");
			TST_EXP_FAIL(lchown("link", 65534, -1), EPERM,
				     "lchown() of root's link by an unprivileged user");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.needs_root = 1,
	.forks_child = 1,
};
