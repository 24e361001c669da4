/* readlinkat(): reads a link relative to a directory fd without a trailing
 * NUL, truncates to the buffer size, reads the link an O_PATH|O_NOFOLLOW fd
 * refers to when the path is empty; EINVAL for a non-link and a zero size,
 * ENOENT, ENOTDIR, EBADF, EFAULT.
 * SYSCALLS: readlinkat openat close symlinkat */
#include <sys/syscall.h>
#include "tst_test.h"

static int dfd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_SYMLINK("some/target/path", "d/link");
	SAFE_FILE_PRINTF("d/file", "x");
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

/* The raw call: glibc must not round the size. */
static long rl(int fd, const char *path, char *buf, long size)
{
	return syscall(__NR_readlinkat, fd, path, buf, size);
}

static void run(unsigned int n)
{
	char buf[32];
	int fd;

	memset(buf, '#', sizeof(buf));
	switch (n) {
	case 0:
		TST_EXP_VAL(rl(dfd, "link", buf, sizeof(buf)), 16, "readlinkat(dirfd, \"link\")");
		TST_EXP_EXPR(!memcmp(buf, "some/target/path", 16) && buf[16] == '#',
			     "the target text without a terminating NUL");
		break;
	case 1:
		TST_EXP_VAL(rl(dfd, "link", buf, 4), 4, "readlinkat() into a 4-byte buffer");
		TST_EXP_EXPR(!memcmp(buf, "some", 4) && buf[4] == '#', "truncated to 'some'");
		break;
	case 2:
		fd = SAFE_OPEN("d/link", O_PATH | O_NOFOLLOW);
		TST_EXP_VAL(rl(fd, "", buf, sizeof(buf)), 16,
			    "readlinkat(O_PATH|O_NOFOLLOW fd, \"\")");
		TST_EXP_EXPR(!memcmp(buf, "some/target/path", 16), "the fd's own link text");
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL2(rl(dfd, "file", buf, sizeof(buf)), EINVAL, "readlinkat() of a regular file");
		TST_EXP_FAIL2(rl(dfd, "link", buf, 0), EINVAL, "readlinkat() with size 0");
		break;
	case 4:
		TST_EXP_FAIL2(rl(dfd, "missing", buf, sizeof(buf)), ENOENT, "readlinkat() of a missing name");
		TST_EXP_FAIL2(rl(dfd, "file/x", buf, sizeof(buf)), ENOTDIR,
			      "readlinkat() through a regular file");
		TST_EXP_FAIL2(rl(-1, "link", buf, sizeof(buf)), EBADF, "readlinkat(-1, relative)");
		TST_EXP_FAIL2(rl(dfd, "link", tst_get_bad_addr(NULL), sizeof(buf)), EFAULT,
			      "readlinkat() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
