/* linkat(): without flags links the symlink itself, with AT_SYMLINK_FOLLOW
 * links its target; AT_EMPTY_PATH links an open fd, which gives a name to an
 * O_TMPFILE file; EINVAL for an unknown flag, EEXIST, ENOENT, ENOTDIR for a
 * regular-file dirfd, EBADF, EXDEV across mounts.
 * SYSCALLS: linkat openat close newfstatat symlinkat write read */
#include "tst_test.h"

static int dfd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	SAFE_FILE_PRINTF("target", "target");
	SAFE_SYMLINK("target", "sym");
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

/* EXDEV needs a directory on another mount that allows a negative lookup
 * (procfs answers ENOENT first), so pick a tmpfs-like one by st_dev. */
static void other_mount_check(void)
{
	static const char *const dirs[] = { "/dev/shm", "/dev", "/run", "/tmp" };
	struct stat here, st;
	char path[64];

	SAFE_STAT(".", &here);
	for (unsigned int i = 0; i < ARRAY_SIZE(dirs); i++) {
		if (stat(dirs[i], &st) || !S_ISDIR(st.st_mode) || st.st_dev == here.st_dev)
			continue;
		snprintf(path, sizeof(path), "%s/ferry-linkat-%d", dirs[i], getpid());
		TST_EXP_FAIL(linkat(AT_FDCWD, "target", AT_FDCWD, path, 0), EXDEV,
			     "linkat() onto another mount (%s)", dirs[i]);
		return;
	}
	tst_res(TCONF, "no directory on another mount to test EXDEV");
}

static void run(unsigned int n)
{
	struct stat st, tst;
	char buf[8] = {0};
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(linkat(AT_FDCWD, "sym", dfd, "l1", 0), "linkat(sym, d/l1, 0)");
		SAFE_LSTAT("d/l1", &st);
		TST_EXP_EXPR(S_ISLNK(st.st_mode), "without AT_SYMLINK_FOLLOW the link is a symlink");
		SAFE_UNLINK("d/l1");
		break;
	case 1:
		TST_EXP_PASS(linkat(AT_FDCWD, "sym", dfd, "l2", AT_SYMLINK_FOLLOW),
			     "linkat(sym, d/l2, AT_SYMLINK_FOLLOW)");
		SAFE_LSTAT("d/l2", &st);
		SAFE_STAT("target", &tst);
		TST_EXP_EXPR(S_ISREG(st.st_mode) && st.st_ino == tst.st_ino && tst.st_nlink == 2,
			     "AT_SYMLINK_FOLLOW linked the target's inode");
		SAFE_UNLINK("d/l2");
		break;
	case 2:
		fd = open(".", O_TMPFILE | O_RDWR, 0600);
		if (fd < 0) {
			tst_res(TCONF | TERRNO, "O_TMPFILE not supported here");
			break;
		}
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "tmpfile", 7);
		TST_EXP_PASS(linkat(fd, "", dfd, "named", AT_EMPTY_PATH),
			     "linkat(AT_EMPTY_PATH) of an O_TMPFILE fd");
		SAFE_CLOSE(fd);
		SAFE_FILE_SCANF("d/named", "%7s", buf);
		TST_EXP_EXPR(!strcmp(buf, "tmpfile"), "the named file holds the O_TMPFILE data");
		SAFE_UNLINK("d/named");
		break;
	case 3:
		TST_EXP_FAIL(linkat(AT_FDCWD, "target", dfd, "x", 0x1), EINVAL,
			     "linkat() with unknown flag 0x1");
		TST_EXP_FAIL(linkat(AT_FDCWD, "target", AT_FDCWD, "sym", 0), EEXIST,
			     "linkat() onto an existing name");
		TST_EXP_FAIL(linkat(AT_FDCWD, "missing", dfd, "x", 0), ENOENT,
			     "linkat() of a missing name");
		break;
	case 4:
		fd = SAFE_OPEN("target", O_RDONLY);
		TST_EXP_FAIL(linkat(fd, "x", dfd, "y", 0), ENOTDIR, "linkat() with a regular file dirfd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(linkat(-1, "target", dfd, "y", 0), EBADF, "linkat(-1, relative)");
		other_mount_check();
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
