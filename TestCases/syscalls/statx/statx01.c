/* statx(): STATX_BASIC_STATS fields agree with stat(); the returned mask
 * covers what was asked; EINVAL for reserved mask bits, ENOENT, EBADF.
 * SYSCALLS: statx newfstatat */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "hello");
}

static void run(unsigned int n)
{
	struct statx sx;
	struct stat st;

	switch (n) {
	case 0:
		TST_EXP_PASS(tst_syscall(__NR_statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx),
			     "statx(STATX_BASIC_STATS)");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(sx.stx_size, 5);
		TST_EXP_EQ_LI(sx.stx_ino, st.st_ino);
		TST_EXP_EQ_LI(sx.stx_mode, st.st_mode);
		TST_EXP_EQ_LI(sx.stx_nlink, 1);
		TST_EXP_EXPR((sx.stx_mask & (STATX_TYPE | STATX_MODE | STATX_SIZE)) ==
			     (STATX_TYPE | STATX_MODE | STATX_SIZE),
			     "stx_mask has TYPE, MODE and SIZE (0x%x)", sx.stx_mask);
		break;
	case 1:
		TST_EXP_FAIL(tst_syscall(__NR_statx, AT_FDCWD, "f", 0, 0x80000000U, &sx), EINVAL,
			     "statx() with the reserved mask bit");
		break;
	case 2:
		TST_EXP_FAIL(tst_syscall(__NR_statx, AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx),
			     ENOENT, "statx() of a missing name");
		TST_EXP_FAIL(tst_syscall(__NR_statx, -1, "f", 0, STATX_BASIC_STATS, &sx),
			     EBADF, "statx(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
