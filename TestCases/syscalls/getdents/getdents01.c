/* getdents64(): lists every entry of a directory (".", "..", files and a
 * subdirectory with the right d_type); EBADF, ENOTDIR, EINVAL for a buffer
 * too small for one entry.
 * SYSCALLS: getdents64 openat close mkdirat */
#include <dirent.h>
#include <sys/syscall.h>
#include "tst_test.h"

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/alpha", "a");
	SAFE_FILE_PRINTF("d/beta", "b");
	SAFE_MKDIR("d/sub", 0755);
}

static void run(unsigned int n)
{
	char buf[4096];
	int fd, seen = 0, subdir_type = 0;
	long len, off;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
		while ((len = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
			for (off = 0; off < len;) {
				struct linux_dirent64 *e = (void *)(buf + off);

				if (!strcmp(e->d_name, ".")) seen |= 1;
				if (!strcmp(e->d_name, "..")) seen |= 2;
				if (!strcmp(e->d_name, "alpha")) seen |= 4;
				if (!strcmp(e->d_name, "beta")) seen |= 8;
				if (!strcmp(e->d_name, "sub")) {
					seen |= 16;
					subdir_type = e->d_type;
				}
				off += e->d_reclen;
			}
		}
		TST_EXP_EQ_LI(len, 0);
		TST_EXP_EQ_LI(seen, 31);
		TST_EXP_EXPR(subdir_type == DT_DIR || subdir_type == DT_UNKNOWN,
			     "d_type of a subdirectory is DT_DIR (%d)", subdir_type);
		SAFE_CLOSE(fd);
		break;
	case 1:
		TST_EXP_FAIL2(syscall(SYS_getdents64, -1, buf, sizeof(buf)), EBADF, "getdents64(-1)");
		break;
	case 2:
		fd = SAFE_OPEN("d/alpha", O_RDONLY);
		TST_EXP_FAIL2(syscall(SYS_getdents64, fd, buf, sizeof(buf)), ENOTDIR,
			      "getdents64() of a regular file");
		SAFE_CLOSE(fd);
		break;
	case 3:
		fd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
		TST_EXP_FAIL2(syscall(SYS_getdents64, fd, buf, 1), EINVAL,
			      "getdents64() with a 1-byte buffer");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
