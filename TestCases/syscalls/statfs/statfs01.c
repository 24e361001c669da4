/* statfs(): the tmpdir's filesystem has consistent counts (blocks >= free
 * >= available), a block size and a name length, and the same f_type and
 * f_fsid as fstatfs on a file in it; /proc reports PROC_SUPER_MAGIC; ENOENT,
 * ENOTDIR, ELOOP, ENAMETOOLONG, EFAULT for path and buffer.
 * SYSCALLS: statfs fstatfs openat close symlinkat faccessat */
#include <limits.h>
#include <sys/statfs.h>
#include "tst_test.h"

#define PROC_MAGIC 0x9fa0

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	SAFE_SYMLINK("loop1", "loop2");
	SAFE_SYMLINK("loop2", "loop1");
}

static void run(unsigned int n)
{
	struct statfs sf, fsf;
	char longpath[PATH_MAX + 2];
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(statfs(".", &sf), "statfs(\".\")");
		TST_EXP_EXPR(sf.f_bsize > 0 && sf.f_namelen > 0,
			     "f_bsize %ld and f_namelen %ld are positive", (long)sf.f_bsize,
			     (long)sf.f_namelen);
		TST_EXP_EXPR(sf.f_blocks >= sf.f_bfree && sf.f_bfree >= sf.f_bavail,
			     "f_blocks >= f_bfree >= f_bavail");
		fd = SAFE_OPEN("f", O_RDONLY);
		if (fstatfs(fd, &fsf))
			tst_brk(TBROK | TERRNO, "fstatfs()");
		SAFE_CLOSE(fd);
		TST_EXP_EXPR(fsf.f_type == sf.f_type &&
			     !memcmp(&fsf.f_fsid, &sf.f_fsid, sizeof(sf.f_fsid)),
			     "statfs and fstatfs agree on f_type 0x%lx and f_fsid", (long)sf.f_type);
		break;
	case 1:
		if (access("/proc/self", F_OK))
			tst_brk(TCONF, "/proc is not mounted");
		TST_EXP_PASS(statfs("/proc", &sf), "statfs(\"/proc\")");
		TST_EXP_EQ_LI(sf.f_type, PROC_MAGIC);
		break;
	case 2:
		TST_EXP_FAIL(statfs("missing", &sf), ENOENT, "statfs() of a missing name");
		TST_EXP_FAIL(statfs("f/x", &sf), ENOTDIR, "statfs() through a regular file");
		TST_EXP_FAIL(statfs("loop1", &sf), ELOOP, "statfs() of a symlink loop");
		memset(longpath, 'a', sizeof(longpath) - 1);
		longpath[sizeof(longpath) - 1] = 0;
		TST_EXP_FAIL(statfs(longpath, &sf), ENAMETOOLONG, "statfs() of a path over PATH_MAX");
		break;
	case 3:
		TST_EXP_FAIL(statfs(tst_get_bad_addr(NULL), &sf), EFAULT, "statfs() of an unmapped path");
		TST_EXP_FAIL(statfs(".", tst_get_bad_addr(NULL)), EFAULT,
			     "statfs() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
