/* File-system ioctls on the test's temporary directory: FIGETBSZ reports
 * the block size (matching st_blksize or a power of two), FS_IOC_GETFLAGS
 * and FS_IOC_SETFLAGS round-trip FS_NOATIME_FL where the file system has
 * inode flags, FS_IOC_FIEMAP maps a written file to at least one extent
 * (the last with FIEMAP_EXTENT_LAST), FICLONE clones where supported
 * (EOPNOTSUPP/EXDEV/EINVAL otherwise -> TCONF for that case); ENOTTY for
 * FS_IOC_GETFLAGS on a pipe, EBADF for a closed descriptor.
 * SYSCALLS: ioctl openat write fsync newfstatat pipe2 close
 * IOCTLS: FIGETBSZ FS_IOC_GETFLAGS FS_IOC_SETFLAGS FS_IOC_FIEMAP FICLONE */
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <linux/fiemap.h>
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	char buf[8192];

	fd = SAFE_OPEN("data", O_CREAT | O_RDWR, 0600);
	memset(buf, 'q', sizeof(buf));
	SAFE_WRITE(SAFE_WRITE_ALL, fd, buf, sizeof(buf));
	SAFE_FSYNC(fd);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct {
		struct fiemap fm;
		struct fiemap_extent ext[8];
	} map;
	struct stat st;
	int bsz = 0, flags = 0, f2, p[2];
	char buf[8] = {0};

	switch (n) {
	case 0:
		TST_EXP_PASS(ioctl(fd, FIGETBSZ, &bsz), "FIGETBSZ");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(bsz > 0 && !(bsz & (bsz - 1)), "block size %d is a power of two (st_blksize %ld)",
			     bsz, (long)st.st_blksize);
		break;
	case 1:
		TEST(ioctl(fd, FS_IOC_GETFLAGS, &flags));
		if (TST_RET == -1 && (TST_ERR == ENOTTY || TST_ERR == EOPNOTSUPP)) {
			tst_res(TCONF, "file system has no inode flags");
			return;
		}
		TST_EXP_EXPR(TST_RET == 0, "FS_IOC_GETFLAGS (0x%x)", flags);
		flags |= FS_NOATIME_FL;
		TST_EXP_PASS(ioctl(fd, FS_IOC_SETFLAGS, &flags), "FS_IOC_SETFLAGS +NOATIME");
		flags = 0;
		ioctl(fd, FS_IOC_GETFLAGS, &flags);
		TST_EXP_EXPR(flags & FS_NOATIME_FL, "FS_NOATIME_FL read back");
		flags &= ~FS_NOATIME_FL;
		ioctl(fd, FS_IOC_SETFLAGS, &flags);
		break;
	case 2:
		memset(&map, 0, sizeof(map));
		map.fm.fm_length = FIEMAP_MAX_OFFSET;
		map.fm.fm_flags = FIEMAP_FLAG_SYNC;
		map.fm.fm_extent_count = 8;
		TEST(ioctl(fd, FS_IOC_FIEMAP, &map));
		if (TST_RET == -1 && (TST_ERR == EOPNOTSUPP || TST_ERR == ENOTTY)) {
			tst_res(TCONF, "file system has no FIEMAP");
			return;
		}
		TST_EXP_EXPR(TST_RET == 0 && map.fm.fm_mapped_extents >= 1, "FS_IOC_FIEMAP: %u extents",
			     map.fm.fm_mapped_extents);
		if (map.fm.fm_mapped_extents >= 1 && map.fm.fm_mapped_extents <= 8)
			TST_EXP_EXPR(map.ext[map.fm.fm_mapped_extents - 1].fe_flags & FIEMAP_EXTENT_LAST,
				     "last extent flagged FIEMAP_EXTENT_LAST");
		break;
	case 3:
		f2 = SAFE_OPEN("clone", O_CREAT | O_RDWR | O_TRUNC, 0600);
		TEST(ioctl(f2, FICLONE, fd));
		if (TST_RET == -1 && (TST_ERR == EOPNOTSUPP || TST_ERR == EXDEV || TST_ERR == EINVAL ||
				      TST_ERR == ENOTTY)) {
			tst_res(TCONF, "file system cannot clone (%s)", tst_strerrno(TST_ERR));
		} else {
			TST_EXP_EXPR(TST_RET == 0, "FICLONE");
			TST_EXP_VAL(pread(f2, buf, 4, 8188), 4, "clone has the data");
		}
		SAFE_CLOSE(f2);
		break;
	case 4:
		SAFE_PIPE(p);
		TST_EXP_FAIL(ioctl(p[0], FS_IOC_GETFLAGS, &flags), ENOTTY, "FS_IOC_GETFLAGS on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		TST_EXP_FAIL(ioctl(999, FIGETBSZ, &bsz), EBADF, "FIGETBSZ on fd 999");
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
