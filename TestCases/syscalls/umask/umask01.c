/* umask(): returns the previous mask, keeps only 0777 bits, and masks the
 * mode of files created afterwards.
 * SYSCALLS: umask openat close newfstatat */
#include "tst_test.h"

static void run(void)
{
	struct stat st;
	mode_t m;
	int fd, ok = 1;

	umask(022);
	TST_EXP_VAL(umask(0), 022, "umask(0) returns the previous 022");
	TST_EXP_VAL(umask(07777), 0, "umask(07777) returns the previous 0");
	TST_EXP_VAL(umask(0), 0777, "umask keeps only the 0777 bits");

	for (m = 0; m <= 0777; m += 0111) {
		char name[16];

		umask(m);
		snprintf(name, sizeof(name), "f%03o", m);
		fd = SAFE_OPEN(name, O_CREAT | O_WRONLY, 0777);
		SAFE_FSTAT(fd, &st);
		SAFE_CLOSE(fd);
		if ((st.st_mode & 0777) != (0777 & ~m)) {
			tst_res(TFAIL, "umask %03o: created with mode %03o", m, st.st_mode & 0777);
			ok = 0;
		}
	}
	if (ok)
		tst_res(TPASS, "files created under 8 umasks got mode 0777 & ~umask");
}

static struct tst_test test = {
	.test_all = run,
	.needs_tmpdir = 1,
};
