/* open(): creating with a mode, O_EXCL, O_TRUNC, O_APPEND, and the error
 * paths ENOENT, EEXIST, ENOTDIR, EISDIR, ENAMETOOLONG, EFAULT.
 * SYSCALLS: openat close read write newfstatat lseek umask */
#include <limits.h>
#include "tst_test.h"

static char longname[PATH_MAX + 2];
static void *bad_addr;

static void setup(void)
{
	umask(0);
	SAFE_FILE_PRINTF("existing", "0123456789");
	SAFE_MKDIR("dir", 0755);
	memset(longname, 'a', sizeof(longname) - 1);
	bad_addr = tst_get_bad_addr(NULL);
}

static void run(unsigned int n)
{
	struct stat st;
	char buf[16];
	int fd;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(open("created", O_CREAT | O_WRONLY, 0640),
				"open(O_CREAT) of a new file");
		if (fd < 0)
			return;
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_mode & 07777, 0640);
		TST_EXP_EQ_LI(S_ISREG(st.st_mode), 1);
		SAFE_CLOSE(fd);
		SAFE_UNLINK("created");
		break;
	case 1:
		TST_EXP_FAIL2(open("existing", O_CREAT | O_EXCL | O_RDWR, 0600), EEXIST,
			      "open(O_CREAT|O_EXCL) of an existing file");
		break;
	case 2:
		TST_EXP_FAIL2(open("missing", O_RDONLY), ENOENT, "open() of a missing file");
		break;
	case 3:
		TST_EXP_FAIL2(open("existing/x", O_RDONLY), ENOTDIR,
			      "open() through a regular file as directory");
		break;
	case 4:
		TST_EXP_FAIL2(open("dir", O_WRONLY), EISDIR, "open(O_WRONLY) of a directory");
		break;
	case 5:
		TST_EXP_FAIL2(open(longname, O_RDONLY), ENAMETOOLONG,
			      "open() of a path longer than PATH_MAX");
		break;
	case 6:
		TST_EXP_FAIL2(open(bad_addr, O_RDONLY), EFAULT, "open() of an unmapped path");
		break;
	case 7:
		fd = SAFE_OPEN("trunc", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "abcdef", 6);
		SAFE_CLOSE(fd);
		fd = TST_EXP_FD(open("trunc", O_RDWR | O_TRUNC), "open(O_TRUNC)");
		if (fd < 0)
			return;
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 0);
		SAFE_CLOSE(fd);
		break;
	case 8:
		fd = SAFE_OPEN("existing", O_WRONLY | O_APPEND);
		SAFE_LSEEK(fd, 0, SEEK_SET);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "AB", 2);
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("existing", O_RDONLY);
		memset(buf, 0, sizeof(buf));
		SAFE_READ(0, fd, buf, sizeof(buf) - 1);
		SAFE_CLOSE(fd);
		TST_EXP_EXPR(!strcmp(buf, "0123456789AB"),
			     "O_APPEND write went to the end (got '%s')", buf);
		break;
	case 9:
		fd = TST_EXP_FD(open("dir", O_RDONLY | O_DIRECTORY), "open(O_DIRECTORY) of a directory");
		if (fd >= 0)
			SAFE_CLOSE(fd);
		TST_EXP_FAIL2(open("existing", O_RDONLY | O_DIRECTORY), ENOTDIR,
			      "open(O_DIRECTORY) of a regular file");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 10,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
