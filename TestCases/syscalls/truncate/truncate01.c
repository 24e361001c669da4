/* truncate(): by path, shrinking and growing; EISDIR, ENOENT, ENOTDIR,
 * EINVAL for a negative length.
 * SYSCALLS: truncate newfstatat */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "0123456789");
	SAFE_MKDIR("dir", 0755);
}

static void run(unsigned int n)
{
	struct stat st;

	switch (n) {
	case 0:
		TST_EXP_PASS(truncate("f", 3), "truncate() to 3 bytes");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_size, 3);
		break;
	case 1:
		TST_EXP_PASS(truncate("f", 10000), "truncate() growing to 10000");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_size, 10000);
		break;
	case 2:
		TST_EXP_FAIL(truncate("dir", 0), EISDIR, "truncate() of a directory");
		break;
	case 3:
		TST_EXP_FAIL(truncate("missing", 0), ENOENT, "truncate() of a missing file");
		break;
	case 4:
		TST_EXP_FAIL(truncate("f/x", 0), ENOTDIR, "truncate() through a file");
		break;
	case 5:
		TST_EXP_FAIL(truncate("f", -1), EINVAL, "truncate() to -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
