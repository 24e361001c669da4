/* creat(): creates write-only with the mode masked by umask, truncates an
 * existing file; EISDIR for a directory, ENOENT for a missing parent.
 * SYSCALLS: openat close read write newfstatat umask */
#include "tst_test.h"

static void setup(void)
{
	SAFE_MKDIR("dir", 0755);
}

static void run(unsigned int n)
{
	struct stat st;
	char c;
	int fd;

	switch (n) {
	case 0:
		umask(022);
		fd = TST_EXP_FD(creat("new", 0666), "creat() of a new file");
		if (fd < 0)
			return;
		SAFE_STAT("new", &st);
		TST_EXP_EQ_LI(st.st_mode & 0777, 0644);
		TST_EXP_FAIL2(read(fd, &c, 1), EBADF, "read() of a creat() fd (write-only)");
		SAFE_CLOSE(fd);
		break;
	case 1:
		SAFE_FILE_PRINTF("old", "some content");
		fd = TST_EXP_FD(creat("old", 0600), "creat() of an existing file");
		if (fd < 0)
			return;
		SAFE_CLOSE(fd);
		SAFE_STAT("old", &st);
		TST_EXP_EQ_LI(st.st_size, 0);
		break;
	case 2:
		TST_EXP_FAIL2(creat("dir", 0600), EISDIR, "creat() of a directory");
		break;
	case 3:
		TST_EXP_FAIL2(creat("nodir/f", 0600), ENOENT, "creat() under a missing directory");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
