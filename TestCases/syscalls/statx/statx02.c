/* statx() masks, sync flags and attributes: asking for STATX_TYPE|STATX_SIZE
 * alone still returns those bits; STATX_BTIME is either reported within
 * the creation window or left out of stx_mask; AT_STATX_FORCE_SYNC and
 * AT_STATX_DONT_SYNC are accepted alone but not together (EINVAL);
 * AT_SYMLINK_NOFOLLOW sees the link (S_IFLNK, size = target length) and
 * without it the target; AT_EMPTY_PATH stats an fd; nanosecond mtime set
 * by utimensat reads back exactly; STATX_ATTR_MOUNT_ROOT is set on "/" and
 * clear on a file; FS_IOC_SETFLAGS immutable/append show up as
 * STATX_ATTR_IMMUTABLE/APPEND (TCONF where the filesystem lacks them);
 * EINVAL for unknown flags, ENOTDIR for a file used as a directory.
 * SYSCALLS: statx openat close write symlinkat utimensat ioctl newfstatat clock_gettime geteuid */
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef STATX_ATTR_MOUNT_ROOT
# define STATX_ATTR_MOUNT_ROOT 0x2000
#endif

static long do_statx(int dfd, const char *path, int flags, unsigned int mask, struct statx *stx)
{
	memset(stx, 0xff, sizeof(*stx));
	return syscall(__NR_statx, dfd, path, flags, mask, stx);
}

static struct timespec before, after;
static int flagged_fd = -1;

static void setup(void)
{
	struct statx stx;

	tst_syscall(__NR_statx, AT_FDCWD, ".", 0, STATX_BASIC_STATS, &stx);
	clock_gettime(CLOCK_REALTIME, &before);
	before.tv_sec--;	/* filesystem timestamps may be coarse */
	SAFE_FILE_PRINTF("file", "0123456789");
	clock_gettime(CLOCK_REALTIME, &after);
	after.tv_sec++;
	SAFE_SYMLINK("file", "link");
}

static void cleanup(void)
{
	int zero = 0;

	if (flagged_fd >= 0) {
		ioctl(flagged_fd, FS_IOC_SETFLAGS, &zero);
		SAFE_CLOSE(flagged_fd);
	}
}

static void run(unsigned int n)
{
	struct statx stx;
	struct stat st;
	struct timespec ts[2];
	int fd, fl;

	switch (n) {
	case 0:
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_TYPE | STATX_SIZE, &stx), "statx(TYPE|SIZE)");
		TST_EXP_EXPR((stx.stx_mask & (STATX_TYPE | STATX_SIZE)) == (STATX_TYPE | STATX_SIZE),
			     "TYPE and SIZE in the mask (0x%x)", stx.stx_mask);
		TST_EXP_EXPR(S_ISREG(stx.stx_mode) && stx.stx_size == 10, "regular file of 10 bytes");
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_BTIME, &stx), "statx(BTIME)");
		if (stx.stx_mask & STATX_BTIME)
			TST_EXP_EXPR(stx.stx_btime.tv_sec >= before.tv_sec && stx.stx_btime.tv_sec <= after.tv_sec &&
				     stx.stx_btime.tv_nsec < 1000000000,
				     "btime %lld within the creation window", (long long)stx.stx_btime.tv_sec);
		else
			tst_res(TPASS, "STATX_BTIME not offered by this filesystem and not claimed");
		break;
	case 1:
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", AT_STATX_FORCE_SYNC, STATX_BASIC_STATS, &stx),
			     "statx(AT_STATX_FORCE_SYNC)");
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", AT_STATX_DONT_SYNC, STATX_BASIC_STATS, &stx),
			     "statx(AT_STATX_DONT_SYNC)");
		TST_EXP_FAIL(do_statx(AT_FDCWD, "file", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_BASIC_STATS,
				      &stx), EINVAL, "statx(FORCE_SYNC|DONT_SYNC)");
		TST_EXP_FAIL(do_statx(AT_FDCWD, "file", 0x40000000, STATX_BASIC_STATS, &stx), EINVAL,
			     "statx() with an unknown flag");
		TST_EXP_FAIL(do_statx(AT_FDCWD, "file/x", 0, STATX_BASIC_STATS, &stx), ENOTDIR,
			     "statx() of file/x");
		break;
	case 2:
		TST_EXP_PASS(do_statx(AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &stx),
			     "statx(link, AT_SYMLINK_NOFOLLOW)");
		TST_EXP_EXPR(S_ISLNK(stx.stx_mode) && stx.stx_size == 4, "a symlink of size 4 (mode 0%o size %llu)",
			     stx.stx_mode, (unsigned long long)stx.stx_size);
		TST_EXP_PASS(do_statx(AT_FDCWD, "link", 0, STATX_BASIC_STATS, &stx), "statx(link)");
		TST_EXP_EXPR(S_ISREG(stx.stx_mode) && stx.stx_size == 10, "follows to the 10-byte file");
		fd = SAFE_OPEN("file", O_RDONLY);
		SAFE_FSTAT(fd, &st);
		TST_EXP_PASS(do_statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &stx), "statx(fd, AT_EMPTY_PATH)");
		TST_EXP_EXPR(stx.stx_ino == st.st_ino && stx.stx_dev_major == major(st.st_dev) &&
			     stx.stx_dev_minor == minor(st.st_dev), "inode and device agree with fstat()");
		SAFE_CLOSE(fd);
		break;
	case 3:
		ts[0].tv_sec = 1000000000;
		ts[0].tv_nsec = 123456789;
		ts[1].tv_sec = 1234567890;
		ts[1].tv_nsec = 987654321;
		if (utimensat(AT_FDCWD, "file", ts, 0))
			tst_brk(TBROK | TERRNO, "utimensat(file)");
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_ATIME | STATX_MTIME, &stx), "statx(ATIME|MTIME)");
		TST_EXP_EXPR(stx.stx_mtime.tv_sec == 1234567890 && stx.stx_mtime.tv_nsec == 987654321,
			     "mtime %lld.%09u", (long long)stx.stx_mtime.tv_sec, stx.stx_mtime.tv_nsec);
		TST_EXP_EXPR(stx.stx_atime.tv_sec == 1000000000 && stx.stx_atime.tv_nsec == 123456789,
			     "atime %lld.%09u", (long long)stx.stx_atime.tv_sec, stx.stx_atime.tv_nsec);
		break;
	case 4:
		TST_EXP_PASS(do_statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &stx), "statx(/)");
		if (!(stx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT)) {
			tst_res(TCONF, "STATX_ATTR_MOUNT_ROOT not reported (kernel before 5.8)");
			break;
		}
		TST_EXP_EXPR(stx.stx_attributes & STATX_ATTR_MOUNT_ROOT, "/ is a mount root");
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, &stx), "statx(file)");
		TST_EXP_EXPR(!(stx.stx_attributes & STATX_ATTR_MOUNT_ROOT), "a file is not a mount root");
		break;
	case 5:
		flagged_fd = SAFE_OPEN("file", O_RDONLY);
		fl = FS_IMMUTABLE_FL | FS_APPEND_FL;
		if (ioctl(flagged_fd, FS_IOC_SETFLAGS, &fl)) {
			tst_res(TCONF | TERRNO, "FS_IOC_SETFLAGS(immutable|append) not supported here");
			SAFE_CLOSE(flagged_fd);
			break;
		}
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, &stx), "statx(flagged file)");
		TST_EXP_EXPR((stx.stx_attributes_mask & (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND)) ==
			     (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND), "attributes_mask covers them (0x%llx)",
			     (unsigned long long)stx.stx_attributes_mask);
		TST_EXP_EXPR((stx.stx_attributes & (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND)) ==
			     (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND), "IMMUTABLE and APPEND set (0x%llx)",
			     (unsigned long long)stx.stx_attributes);
		fl = 0;
		SAFE_IOCTL(flagged_fd, FS_IOC_SETFLAGS, &fl);
		SAFE_CLOSE(flagged_fd);
		TST_EXP_PASS(do_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, &stx), "statx(cleared file)");
		TST_EXP_EXPR(!(stx.stx_attributes & (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND)),
			     "cleared again (0x%llx)", (unsigned long long)stx.stx_attributes);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
