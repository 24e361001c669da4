/* FIOQSIZE reports the bytes allocated to a file (st_blocks x 512, not
 * st_size): 0 for an empty file, the allocation after fsync() of 3000
 * written bytes, unchanged when ftruncate() makes the file sparse-longer;
 * for a directory the same rule; ENOTTY on a pipe; EFAULT for an unmapped
 * result.
 * SYSCALLS: ioctl openat write fsync ftruncate newfstatat mkdirat pipe2 close
 * IOCTLS: FIOQSIZE */
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "tst_test.h"

static void run(void)
{
	struct stat st;
	loff_t size = -1;
	char buf[4096];
	int fd, p[2];

	fd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
	TST_EXP_PASS(ioctl(fd, FIOQSIZE, &size), "FIOQSIZE of an empty file");
	TST_EXP_EQ_LI(size, 0);
	memset(buf, 'q', sizeof(buf));
	SAFE_WRITE(1, fd, buf, 3000);
	SAFE_FSYNC(fd);
	SAFE_FSTAT(fd, &st);
	TST_EXP_PASS(ioctl(fd, FIOQSIZE, &size), "FIOQSIZE after writing 3000 bytes");
	TST_EXP_EXPR(size == (loff_t)st.st_blocks * 512 && size >= 3000,
		     "FIOQSIZE %lld is the allocation st_blocks x 512 = %lld", (long long)size,
		     (long long)st.st_blocks * 512);
	SAFE_FTRUNCATE(fd, 1 << 20);
	SAFE_FSTAT(fd, &st);
	ioctl(fd, FIOQSIZE, &size);
	TST_EXP_EXPR(size == (loff_t)st.st_blocks * 512 && size < (1 << 20),
		     "after ftruncate() to 1 MiB: FIOQSIZE %lld still the allocation", (long long)size);
	TST_EXP_FAIL(ioctl(fd, FIOQSIZE, tst_get_bad_addr(NULL)), EFAULT, "FIOQSIZE into an unmapped result");
	SAFE_CLOSE(fd);

	SAFE_MKDIR("dir", 0700);
	fd = SAFE_OPEN("dir", O_RDONLY | O_DIRECTORY);
	SAFE_FSTAT(fd, &st);
	size = -1;
	TST_EXP_PASS(ioctl(fd, FIOQSIZE, &size), "FIOQSIZE of a directory");
	TST_EXP_EXPR(size == (loff_t)st.st_blocks * 512, "directory: FIOQSIZE %lld equals st_blocks x 512 %lld",
		     (long long)size, (long long)st.st_blocks * 512);
	SAFE_CLOSE(fd);

	SAFE_PIPE(p);
	TST_EXP_FAIL(ioctl(p[0], FIOQSIZE, &size), ENOTTY, "FIOQSIZE on a pipe");
	SAFE_CLOSE(p[0]);
	SAFE_CLOSE(p[1]);
}

static struct tst_test test = {
	.test_all = run,
	.needs_tmpdir = 1,
};
