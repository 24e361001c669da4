/* statmount() and listmount() (Linux 6.8) in a private mount namespace: a
 * tmpfs mounted on mnt with a second tmpfs on mnt/sub; statx(STATX_MNT_ID_UNIQUE)
 * gives their ids, statmount() reports the tmpfs magic, the mount id and its
 * parent, listmount() of mnt lists exactly mnt/sub. Errors: ENOENT (unknown
 * mount id), EINVAL (bad request size, unknown flags), EFAULT.
 * SYSCALLS: statmount listmount statx mount umount2 geteuid unshare */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"
#include "mount_ns.h"

#ifndef __NR_statmount
# define __NR_statmount 457
#endif
#ifndef __NR_listmount
# define __NR_listmount 458
#endif
#ifndef STATX_MNT_ID_UNIQUE
# define STATX_MNT_ID_UNIQUE 0x4000U
#endif
#define FERRY_STATMOUNT_SB_BASIC  0x1ULL
#define FERRY_STATMOUNT_MNT_BASIC 0x2ULL
#define FERRY_TMPFS_MAGIC 0x01021994
#define FERRY_LSMT_ROOT 0xffffffffffffffffULL

/* The first fields of the kernel's struct mnt_id_req and struct statmount. */
struct ferry_mnt_id_req {
	uint32_t size;
	uint32_t spare;
	uint64_t mnt_id;
	uint64_t param;
};

struct ferry_statmount {
	uint32_t size;
	uint32_t mnt_opts;
	uint64_t mask;
	uint32_t sb_dev_major, sb_dev_minor;
	uint64_t sb_magic;
	uint32_t sb_flags, fs_type;
	uint64_t mnt_id, mnt_parent_id;
	uint32_t mnt_id_old, mnt_parent_id_old;
	uint64_t mnt_attr;
};

static uint64_t mnt_id, sub_id;

static uint64_t unique_id(const char *path)
{
	struct statx sx;

	if (statx(AT_FDCWD, path, 0, STATX_MNT_ID_UNIQUE, &sx))
		tst_brk(TBROK | TERRNO, "statx(%s)", path);
	if (!(sx.stx_mask & STATX_MNT_ID_UNIQUE))
		tst_brk(TCONF, "statx() has no STATX_MNT_ID_UNIQUE (Linux 6.8+)");
	return sx.stx_mnt_id;
}

static void run(unsigned int n)
{
	struct ferry_mnt_id_req req = { .size = sizeof(req) };
	union { struct ferry_statmount sm; char raw[4096]; } buf;
	uint64_t ids[8];

	switch (n) {
	case 0:
		req.mnt_id = mnt_id;
		req.param = FERRY_STATMOUNT_SB_BASIC | FERRY_STATMOUNT_MNT_BASIC;
		memset(&buf, 0, sizeof(buf));
		TST_EXP_PASS(tst_syscall(__NR_statmount, &req, &buf, sizeof(buf), 0),
			     "statmount(SB_BASIC | MNT_BASIC)");
		TST_EXP_EQ_LU(buf.sm.mask & 3, 3);
		TST_EXP_EQ_LU(buf.sm.sb_magic, FERRY_TMPFS_MAGIC);
		TST_EXP_EQ_LU(buf.sm.mnt_id, mnt_id);
		TST_EXP_EXPR(buf.sm.size >= sizeof(buf.sm) && buf.sm.size <= sizeof(buf),
			     "statmount() size %u is plausible", buf.sm.size);
		req.mnt_id = sub_id;
		TST_EXP_PASS(syscall(__NR_statmount, &req, &buf, sizeof(buf), 0), "statmount(mnt/sub)");
		TST_EXP_EQ_LU(buf.sm.mnt_parent_id, mnt_id);
		break;
	case 1:
		req.mnt_id = mnt_id;
		memset(ids, 0, sizeof(ids));
		TST_EXP_VAL(tst_syscall(__NR_listmount, &req, ids, 8, 0), 1,
			    "listmount(mnt) lists one child");
		TST_EXP_EQ_LU(ids[0], sub_id);
		req.mnt_id = sub_id;
		TST_EXP_VAL(syscall(__NR_listmount, &req, ids, 8, 0), 0,
			    "listmount(mnt/sub) lists no child");
		req.mnt_id = FERRY_LSMT_ROOT;
		TST_EXP_POSITIVE(syscall(__NR_listmount, &req, ids, 8, 0),
				 "listmount(LSMT_ROOT)");
		break;
	case 2:
		req.mnt_id = 0x7fffffffffffULL;
		TST_EXP_FAIL(tst_syscall(__NR_statmount, &req, &buf, sizeof(buf), 0), ENOENT,
			     "statmount() of an unknown mount id");
		TST_EXP_FAIL(syscall(__NR_listmount, &req, ids, 8, 0), ENOENT,
			     "listmount() of an unknown mount id");
		req.mnt_id = mnt_id;
		req.size = 8;
		TST_EXP_FAIL(syscall(__NR_statmount, &req, &buf, sizeof(buf), 0), EINVAL,
			     "statmount() with a too small request");
		TST_EXP_FAIL(syscall(__NR_listmount, &req, ids, 8, 0), EINVAL,
			     "listmount() with a too small request");
		req.size = sizeof(req);
		TST_EXP_FAIL(syscall(__NR_statmount, &req, &buf, sizeof(buf), 1), EINVAL,
			     "statmount() with an unknown flag");
		TST_EXP_FAIL(syscall(__NR_statmount, tst_get_bad_addr(NULL), &buf, sizeof(buf), 0),
			     EFAULT, "statmount() of an unmapped request");
		TST_EXP_FAIL(syscall(__NR_listmount, &req, tst_get_bad_addr(NULL), 8, 0), EFAULT,
			     "listmount() into an unmapped buffer");
		break;
	}
}

static void setup(void)
{
	enter_private_mount_ns();
	SAFE_MKDIR("mnt", 0755);
	if (mount("ferry", "mnt", "tmpfs", 0, "size=1m"))
		tst_brk(TBROK | TERRNO, "mount(mnt)");
	SAFE_MKDIR("mnt/sub", 0755);
	if (mount("ferry", "mnt/sub", "tmpfs", 0, "size=1m"))
		tst_brk(TBROK | TERRNO, "mount(mnt/sub)");
	mnt_id = unique_id("mnt");
	sub_id = unique_id("mnt/sub");
}

static void cleanup(void)
{
	umount2("mnt", MNT_DETACH);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
