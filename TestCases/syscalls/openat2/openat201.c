/* openat2(): opens like openat with flags and mode taken from struct
 * open_how; EINVAL for a mode without O_CREAT, unknown flag or resolve bits
 * and a size below the first version; a larger size is accepted only when
 * the extra bytes are zero (else E2BIG); EFAULT, ENOENT, EBADF.
 * SYSCALLS: openat2 read close newfstatat umask */
#include <linux/openat2.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

struct how_ext {
	struct open_how how;
	uint64_t extra;
};

static long do_openat2(int dirfd, const char *path, void *how, size_t size)
{
	return tst_syscall(__NR_openat2, dirfd, path, how, size);
}

static void setup(void)
{
	umask(022);
	SAFE_FILE_PRINTF("f", "openat2");
}

static void run(unsigned int n)
{
	struct open_how how = { .flags = O_RDONLY };
	struct how_ext ext = { .how = { .flags = O_RDONLY } };
	struct stat st;
	char buf[16] = {0};
	int fd;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(do_openat2(AT_FDCWD, "f", &how, sizeof(how)),
				"openat2(O_RDONLY) of an existing file");
		if (fd < 0)
			return;
		TST_EXP_VAL(read(fd, buf, sizeof(buf)), 7, "read() through the openat2 fd");
		TST_EXP_EXPR(!memcmp(buf, "openat2", 7), "openat2 fd reads the file's data");
		SAFE_CLOSE(fd);
		break;
	case 1:
		how.flags = O_CREAT | O_WRONLY | O_EXCL;
		how.mode = 0666;
		fd = TST_EXP_FD(do_openat2(AT_FDCWD, "new", &how, sizeof(how)),
				"openat2(O_CREAT|O_EXCL, 0666)");
		if (fd < 0)
			return;
		SAFE_CLOSE(fd);
		SAFE_STAT("new", &st);
		TST_EXP_EQ_LI(st.st_mode & 0777, 0644);
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "new", &how, sizeof(how)), EEXIST,
			      "openat2(O_CREAT|O_EXCL) of an existing name");
		SAFE_UNLINK("new");
		break;
	case 2:
		how.mode = 0600;
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", &how, sizeof(how)), EINVAL,
			      "openat2() with a mode but no O_CREAT");
		break;
	case 3:
		how.resolve = 1ULL << 40;
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", &how, sizeof(how)), EINVAL,
			      "openat2() with an unknown resolve bit");
		how.resolve = 0;
		how.flags = 1ULL << 40;
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", &how, sizeof(how)), EINVAL,
			      "openat2() with an unknown flags bit");
		break;
	case 4:
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", &how, 8), EINVAL,
			      "openat2() with size 8 (below OPEN_HOW_SIZE_VER0)");
		break;
	case 5:
		fd = TST_EXP_FD(do_openat2(AT_FDCWD, "f", &ext, sizeof(ext)),
				"openat2() with a larger struct whose tail is zero");
		if (fd >= 0)
			SAFE_CLOSE(fd);
		ext.extra = 1;
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", &ext, sizeof(ext)), E2BIG,
			      "openat2() with a larger struct whose tail is non-zero");
		break;
	case 6:
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "f", tst_get_bad_addr(NULL), sizeof(how)),
			      EFAULT, "openat2() with an unmapped open_how");
		break;
	case 7:
		TST_EXP_FAIL2(do_openat2(AT_FDCWD, "missing", &how, sizeof(how)), ENOENT,
			      "openat2() of a missing name");
		TST_EXP_FAIL2(do_openat2(-1, "f", &how, sizeof(how)), EBADF,
			      "openat2(-1, relative path)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 8,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
