/* utimensat(): sets explicit times, UTIME_OMIT keeps one, UTIME_NOW sets
 * the current time, AT_SYMLINK_NOFOLLOW touches the link; EINVAL for a bad
 * tv_nsec, ENOENT.
 * SYSCALLS: utimensat newfstatat symlinkat clock_gettime */
#include <time.h>
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	SAFE_SYMLINK("f", "ln");
}

static void run(unsigned int n)
{
	struct timespec ts[2], now;
	struct stat st;

	switch (n) {
	case 0:
		ts[0].tv_sec = 1000000000; ts[0].tv_nsec = 500;
		ts[1].tv_sec = 1200000000; ts[1].tv_nsec = 0;
		TST_EXP_PASS(utimensat(AT_FDCWD, "f", ts, 0), "utimensat() explicit times");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_atim.tv_sec, 1000000000);
		TST_EXP_EQ_LI(st.st_mtim.tv_sec, 1200000000);
		break;
	case 1:
		ts[0].tv_sec = 0; ts[0].tv_nsec = UTIME_OMIT;
		ts[1].tv_sec = 1300000000; ts[1].tv_nsec = 0;
		TST_EXP_PASS(utimensat(AT_FDCWD, "f", ts, 0), "utimensat() with UTIME_OMIT atime");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_atim.tv_sec, 1000000000);
		TST_EXP_EQ_LI(st.st_mtim.tv_sec, 1300000000);
		break;
	case 2:
		ts[0].tv_nsec = UTIME_NOW;
		ts[1].tv_nsec = UTIME_NOW;
		clock_gettime(CLOCK_REALTIME, &now);
		TST_EXP_PASS(utimensat(AT_FDCWD, "f", ts, 0), "utimensat() with UTIME_NOW");
		SAFE_STAT("f", &st);
		TST_EXP_EXPR(st.st_mtim.tv_sec >= now.tv_sec - 1 && st.st_mtim.tv_sec <= now.tv_sec + 5,
			     "mtime is now (%ld vs %ld)", (long)st.st_mtim.tv_sec, (long)now.tv_sec);
		break;
	case 3:
		ts[0].tv_sec = 5; ts[0].tv_nsec = 0;
		ts[1].tv_sec = 7; ts[1].tv_nsec = 0;
		TST_EXP_PASS(utimensat(AT_FDCWD, "ln", ts, AT_SYMLINK_NOFOLLOW),
			     "utimensat(AT_SYMLINK_NOFOLLOW) on a link");
		SAFE_LSTAT("ln", &st);
		TST_EXP_EQ_LI(st.st_mtim.tv_sec, 7);
		SAFE_STAT("f", &st);
		TST_EXP_EXPR(st.st_mtim.tv_sec != 7, "the target kept its own mtime");
		break;
	case 4:
		ts[0].tv_sec = 0; ts[0].tv_nsec = 1000000000;
		ts[1].tv_sec = 0; ts[1].tv_nsec = 0;
		TST_EXP_FAIL(utimensat(AT_FDCWD, "f", ts, 0), EINVAL, "utimensat() with tv_nsec 1e9");
		TST_EXP_FAIL(utimensat(AT_FDCWD, "missing", NULL, 0), ENOENT, "utimensat() of a missing name");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
