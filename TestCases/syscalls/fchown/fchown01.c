/* fchown(): root sets owner and group, -1 leaves one unchanged; a chown
 * clears S_ISUID and S_ISGID (with group exec) of a regular file even when
 * root does it; an unprivileged owner gets EPERM for giving the file away;
 * EBADF for a closed and an O_PATH fd.
 * SYSCALLS: fchown fchmod newfstatat openat close setuid setgid clone wait4 geteuid */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0644);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct stat st;
	int pfd;

	SAFE_FCHMOD(fd, 0644);
	if (fchown(fd, 0, 0))
		tst_brk(TBROK | TERRNO, "fchown(fd, 0, 0)");
	switch (n) {
	case 0:
		TST_EXP_PASS(fchown(fd, 1000, 2000), "fchown(fd, 1000, 2000)");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(st.st_uid == 1000 && st.st_gid == 2000, "owner 1000:2000 (%d:%d)",
			     (int)st.st_uid, (int)st.st_gid);
		break;
	case 1:
		TST_EXP_PASS(fchown(fd, -1, 3000), "fchown(fd, -1, 3000)");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(st.st_uid == 0 && st.st_gid == 3000, "uid kept, gid 3000 (%d:%d)",
			     (int)st.st_uid, (int)st.st_gid);
		TST_EXP_PASS(fchown(fd, 4000, -1), "fchown(fd, 4000, -1)");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(st.st_uid == 4000 && st.st_gid == 3000, "gid kept, uid 4000 (%d:%d)",
			     (int)st.st_uid, (int)st.st_gid);
		break;
	case 2:
		SAFE_FCHMOD(fd, S_ISUID | S_ISGID | 0755);
		TST_EXP_PASS(fchown(fd, 1000, 1000), "fchown() of a set-id executable");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR((st.st_mode & 07777) == 0755, "S_ISUID and S_ISGID were cleared (0%o)",
			     st.st_mode & 07777);
		break;
	case 3:
		SAFE_FCHMOD(fd, 0666);
		if (fchown(fd, 65534, 65534))
			tst_brk(TBROK | TERRNO, "fchown(fd, 65534, 65534)");
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			TST_EXP_FAIL(fchown(fd, 0, -1), EPERM, "unprivileged owner gives the file to root");
			TST_EXP_PASS(fchown(fd, 65534, 65534), "unprivileged owner re-sets its own ids");
			exit(0);
		}
		tst_reap_children();
		break;
	case 4:
		TST_EXP_FAIL(fchown(-1, 0, 0), EBADF, "fchown(-1)");
		pfd = SAFE_OPEN("f", O_PATH);
		TST_EXP_FAIL(fchown(pfd, 0, 0), EBADF, "fchown() on an O_PATH fd");
		SAFE_CLOSE(pfd);
		break;
	}
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
