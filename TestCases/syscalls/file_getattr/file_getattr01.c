/* file_getattr()/file_setattr() (Linux 6.17): the FS_XFLAG_NODUMP flag set
 * on a file through a directory fd and relative path reads back, and clears
 * again. Errors: EINVAL (struct smaller than version 0, unknown at-flags),
 * ENOENT, EBADF, EFAULT. A kernel or filesystem without them: TCONF.
 * SYSCALLS: file_getattr file_setattr utimensat */
#include <sys/syscall.h>
#include "tst_test.h"

#ifndef __NR_file_getattr
# define __NR_file_getattr 468
#endif
#ifndef __NR_file_setattr
# define __NR_file_setattr 469
#endif
#define F_XFLAG_NODUMP 0x00000080

struct f_file_attr {
	uint64_t fa_xflags;
	uint32_t fa_extsize, fa_nextents, fa_projid, fa_cowextsize;
};

static int dfd = -1;

static long fget(int fd, const char *path, struct f_file_attr *fa, size_t size, unsigned int at)
{
	return syscall(__NR_file_getattr, fd, path, fa, size, at);
}

static long fset(int fd, const char *path, struct f_file_attr *fa, size_t size, unsigned int at)
{
	return syscall(__NR_file_setattr, fd, path, fa, size, at);
}

static void run(unsigned int n)
{
	struct f_file_attr fa;

	memset(&fa, 0, sizeof(fa));
	switch (n) {
	case 0:
		TST_EXP_PASS(fget(dfd, "file", &fa, sizeof(fa), 0), "file_getattr()");
		TST_EXP_EQ_LU(fa.fa_xflags & F_XFLAG_NODUMP, 0);
		fa.fa_xflags |= F_XFLAG_NODUMP;
		TST_EXP_PASS(fset(dfd, "file", &fa, sizeof(fa), 0), "file_setattr(FS_XFLAG_NODUMP)");
		memset(&fa, 0, sizeof(fa));
		TST_EXP_PASS(fget(dfd, "file", &fa, sizeof(fa), 0), "file_getattr() after set");
		TST_EXP_EQ_LU(fa.fa_xflags & F_XFLAG_NODUMP, F_XFLAG_NODUMP);
		fa.fa_xflags &= ~(uint64_t)F_XFLAG_NODUMP;
		TST_EXP_PASS(fset(dfd, "file", &fa, sizeof(fa), 0), "file_setattr() clearing it");
		memset(&fa, 0, sizeof(fa));
		TST_EXP_PASS(fget(dfd, "file", &fa, sizeof(fa), 0), "file_getattr() after clear");
		TST_EXP_EQ_LU(fa.fa_xflags & F_XFLAG_NODUMP, 0);
		break;
	case 1:
		TST_EXP_FAIL(fget(dfd, "file", &fa, 8, 0), EINVAL, "file_getattr() with size 8");
		TST_EXP_FAIL(fset(dfd, "file", &fa, 8, 0), EINVAL, "file_setattr() with size 8");
		TST_EXP_FAIL(fget(dfd, "file", &fa, sizeof(fa), 0x40000000), EINVAL,
			     "file_getattr() with an unknown at-flag");
		TST_EXP_FAIL(fget(dfd, "missing", &fa, sizeof(fa), 0), ENOENT,
			     "file_getattr() of a missing file");
		TST_EXP_FAIL(fget(999, "file", &fa, sizeof(fa), 0), EBADF,
			     "file_getattr() relative to a closed fd");
		TST_EXP_FAIL(fget(dfd, "file", tst_get_bad_addr(NULL), sizeof(fa), 0), EFAULT,
			     "file_getattr() into an unmapped struct");
		break;
	}
}

static void setup(void)
{
	struct f_file_attr fa;

	SAFE_MKDIR("d", 0755);
	SAFE_TOUCH("d/file", 0644, NULL);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	errno = 0;
	if (fget(dfd, "file", &fa, sizeof(fa), 0) && (errno == ENOSYS || errno == EOPNOTSUPP ||
						       errno == ENOTTY))
		tst_brk(TCONF | TERRNO, "file_getattr() not supported here");
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
