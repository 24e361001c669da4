/* mknodat(): makes FIFOs, regular files (S_IFREG and type 0), sockets and,
 * as root, character devices with the given st_rdev; EPERM for S_IFDIR and
 * for a device node made by an unprivileged user, EINVAL for an invalid
 * type, EEXIST, ENOENT, ENOTDIR, EBADF.
 * SYSCALLS: mknodat openat close newfstatat umask setuid setgid clone wait4 geteuid */
#include <sys/sysmacros.h>
#include "tst_test.h"

static int dfd = -1, ffd = -1;

static void setup(void)
{
	umask(0);
	SAFE_MKDIR("d", 0777);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	ffd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
	if (ffd >= 0)
		SAFE_CLOSE(ffd);
}

static void check_type(const char *path, mode_t type, mode_t perm, const char *what)
{
	struct stat st;

	SAFE_LSTAT(path, &st);
	TST_EXP_EXPR((st.st_mode & S_IFMT) == type && (st.st_mode & 07777) == perm,
		     "%s has type 0%o and mode 0%o", what, type, perm);
	SAFE_UNLINK(path);
}

static void run(unsigned int n)
{
	struct stat st;

	switch (n) {
	case 0:
		TST_EXP_PASS(mknodat(dfd, "fifo", S_IFIFO | 0640, 0), "mknodat(S_IFIFO)");
		check_type("d/fifo", S_IFIFO, 0640, "the FIFO");
		break;
	case 1:
		TST_EXP_PASS(mknodat(dfd, "reg", S_IFREG | 0604, 0), "mknodat(S_IFREG)");
		check_type("d/reg", S_IFREG, 0604, "the S_IFREG node");
		TST_EXP_PASS(mknodat(dfd, "zero", 0600, 0), "mknodat() with file type 0");
		check_type("d/zero", S_IFREG, 0600, "the type-0 node");
		break;
	case 2:
		TST_EXP_PASS(mknodat(dfd, "sock", S_IFSOCK | 0600, 0), "mknodat(S_IFSOCK)");
		check_type("d/sock", S_IFSOCK, 0600, "the socket node");
		break;
	case 3:
		TEST(mknodat(dfd, "null", S_IFCHR | 0666, makedev(1, 3)));
		if (TST_RET == -1 && TST_ERR == EPERM) {
			tst_res(TCONF, "mknodat(S_IFCHR) is EPERM even as root here (device cgroup?)");
			break;
		}
		TST_EXP_EXPR(TST_RET == 0, "mknodat(S_IFCHR 1:3) as root returned %ld", TST_RET);
		SAFE_LSTAT("d/null", &st);
		TST_EXP_EXPR(S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3),
			     "d/null is a character device 1:3");
		SAFE_UNLINK("d/null");
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			TST_EXP_FAIL(mknodat(dfd, "null2", S_IFCHR | 0666, makedev(1, 3)), EPERM,
				     "mknodat(S_IFCHR) as an unprivileged user");
			exit(0);
		}
		tst_reap_children();
		break;
	case 4:
		TST_EXP_FAIL(mknodat(dfd, "dir", S_IFDIR | 0700, 0), EPERM, "mknodat(S_IFDIR)");
		TST_EXP_FAIL(mknodat(dfd, "bad", S_IFMT | 0700, 0), EINVAL,
			     "mknodat() with the invalid type S_IFMT");
		break;
	case 5:
		SAFE_MKFIFO("d/exists", 0600);
		TST_EXP_FAIL(mknodat(dfd, "exists", S_IFIFO | 0600, 0), EEXIST,
			     "mknodat() of an existing name");
		SAFE_UNLINK("d/exists");
		TST_EXP_FAIL(mknodat(dfd, "no/fifo", S_IFIFO | 0600, 0), ENOENT,
			     "mknodat() under a missing parent");
		TST_EXP_FAIL(mknodat(ffd, "fifo", S_IFIFO | 0600, 0), ENOTDIR,
			     "mknodat() with a regular file fd");
		TST_EXP_FAIL(mknodat(-1, "fifo", S_IFIFO | 0600, 0), EBADF, "mknodat(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
	.needs_root = 1,
	.forks_child = 1,
};
