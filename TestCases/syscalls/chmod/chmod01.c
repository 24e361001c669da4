/* chmod(), fchmod() and fchmodat(): set permission and special bits as
 * given (umask does not apply); ENOENT, EBADF; fchmodat with
 * AT_SYMLINK_NOFOLLOW on a link is EOPNOTSUPP (or ENOTSUP).
 * SYSCALLS: fchmodat fchmod openat close newfstatat symlinkat umask */
#include "tst_test.h"

static void setup(void)
{
	umask(077);
	SAFE_FILE_PRINTF("f", "x");
	SAFE_SYMLINK("f", "ln");
}

static void run(unsigned int n)
{
	static const mode_t modes[] = { 0, 0644, 0755, 01777, 04711, 0777 };
	struct stat st;
	unsigned int i;
	int fd, ok = 1;

	switch (n) {
	case 0:
		for (i = 0; i < ARRAY_SIZE(modes); i++) {
			if (chmod("f", modes[i]) || stat("f", &st) ||
			    (st.st_mode & 07777) != modes[i]) {
				tst_res(TFAIL | TERRNO, "chmod(f, %04o) gave %04o", modes[i],
					st.st_mode & 07777);
				ok = 0;
			}
		}
		if (ok)
			tst_res(TPASS, "chmod() set each of %zu modes exactly", ARRAY_SIZE(modes));
		break;
	case 1:
		fd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_PASS(fchmod(fd, 0604), "fchmod(0604)");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_mode & 07777, 0604);
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_PASS(fchmodat(AT_FDCWD, "f", 0640, 0), "fchmodat(AT_FDCWD)");
		SAFE_STAT("f", &st);
		TST_EXP_EQ_LI(st.st_mode & 07777, 0640);
		break;
	case 3:
		TST_EXP_FAIL(chmod("missing", 0600), ENOENT, "chmod() of a missing name");
		TST_EXP_FAIL(fchmod(-1, 0600), EBADF, "fchmod(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
