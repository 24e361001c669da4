/* Loop devices: LOOP_CTL_GET_FREE on /dev/loop-control names a free
 * device; LOOP_SET_FD attaches a 64 KiB backing file, LOOP_GET_STATUS64
 * reports its inode and LOOP_SET_STATUS64 sets an offset, BLKGETSIZE64
 * shows the size minus the offset, data written to the file reads back
 * through the device; LOOP_CLR_FD detaches; EBUSY attaching twice, ENXIO
 * for LOOP_GET_STATUS64 on a detached device, ENOSYS for an unknown
 * control command. TCONF without /dev/loop-control.
 * SYSCALLS: ioctl openat pread64 write close newfstatat geteuid
 * IOCTLS: LOOP_CTL_GET_FREE LOOP_SET_FD LOOP_GET_STATUS64 LOOP_SET_STATUS64 LOOP_CLR_FD BLKGETSIZE64 */
#include <sys/ioctl.h>
#include <linux/loop.h>
#include <linux/fs.h>
#include "tst_test.h"

static int ctl = -1, dev = -1, back = -1;

static void setup(void)
{
	char buf[4096];

	ctl = open("/dev/loop-control", O_RDWR);
	if (ctl < 0)
		tst_brk(TCONF | TERRNO, "/dev/loop-control is not available");
	back = SAFE_OPEN("backing", O_CREAT | O_RDWR, 0600);
	for (int i = 0; i < 16; i++) {
		memset(buf, 'a' + i, sizeof(buf));
		SAFE_WRITE(SAFE_WRITE_ALL, back, buf, sizeof(buf));
	}
}

static void cleanup(void)
{
	if (dev >= 0) {
		ioctl(dev, LOOP_CLR_FD, 0);
		close(dev);
	}
	if (back >= 0)
		close(back);
	if (ctl >= 0)
		close(ctl);
}

static void run(void)
{
	struct loop_info64 info;
	struct stat st;
	char path[64], c = 0;
	uint64_t size = 0;
	int nr;

	nr = ioctl(ctl, LOOP_CTL_GET_FREE);
	TST_EXP_EXPR(nr >= 0, "LOOP_CTL_GET_FREE gave loop%d", nr);
	if (nr < 0)
		return;
	snprintf(path, sizeof(path), "/dev/loop%d", nr);
	dev = open(path, O_RDWR);
	if (dev < 0)
		tst_brk(TCONF | TERRNO, "cannot open %s", path);
	TEST(ioctl(dev, LOOP_SET_FD, back));
	if (TST_RET == -1 && (TST_ERR == EPERM || TST_ERR == EACCES))
		tst_brk(TCONF | TTERRNO, "LOOP_SET_FD not permitted here");
	TST_EXP_EXPR(TST_RET == 0, "LOOP_SET_FD of a 64 KiB file");
	TST_EXP_FAIL(ioctl(dev, LOOP_SET_FD, back), EBUSY, "LOOP_SET_FD twice");
	SAFE_FSTAT(back, &st);
	memset(&info, 0, sizeof(info));
	TST_EXP_PASS(ioctl(dev, LOOP_GET_STATUS64, &info), "LOOP_GET_STATUS64");
	TST_EXP_EQ_LU(info.lo_inode, st.st_ino);
	TST_EXP_PASS(ioctl(dev, BLKGETSIZE64, &size), "BLKGETSIZE64");
	TST_EXP_EQ_LU(size, 65536);
	info.lo_offset = 4096;
	TST_EXP_PASS(ioctl(dev, LOOP_SET_STATUS64, &info), "LOOP_SET_STATUS64 offset 4096");
	ioctl(dev, BLKGETSIZE64, &size);
	TST_EXP_EQ_LU(size, 61440);
	TST_EXP_VAL(pread(dev, &c, 1, 0), 1, "read byte 0 of the device");
	TST_EXP_EXPR(c == 'b', "device byte 0 is file byte 4096 ('%c')", c);
	TST_EXP_PASS(ioctl(dev, LOOP_CLR_FD, 0), "LOOP_CLR_FD");
	TST_EXP_FAIL(ioctl(dev, LOOP_GET_STATUS64, &info), ENXIO, "LOOP_GET_STATUS64 after detaching");
	TST_EXP_FAIL(ioctl(ctl, 0x4c8f), ENOSYS, "unknown loop-control command");
	close(dev);
	dev = -1;
}

static struct tst_test test = {
	.test_all = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
