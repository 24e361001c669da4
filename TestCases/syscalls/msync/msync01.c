/* msync(): MS_SYNC and MS_ASYNC on a shared file mapping succeed and the
 * file holds the data; EINVAL for an unaligned address or MS_SYNC|MS_ASYNC,
 * ENOMEM for an unmapped range.
 * SYSCALLS: msync mmap munmap openat close pread64 ftruncate */
#include <sys/mman.h>
#include "tst_test.h"

static long ps;

static void run(void)
{
	char *p, c = 0;
	int fd;

	ps = getpagesize();
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_FTRUNCATE(fd, ps);
	p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p[5] = 'm';
	TST_EXP_PASS(msync(p, ps, MS_SYNC), "msync(MS_SYNC)");
	TST_EXP_PASS(msync(p, ps, MS_ASYNC), "msync(MS_ASYNC)");
	SAFE_PREAD(1, fd, &c, 1, 5);
	TST_EXP_EQ_LI(c, 'm');
	TST_EXP_FAIL(msync(p + 1, ps, MS_SYNC), EINVAL, "msync() at an unaligned address");
	TST_EXP_FAIL(msync(p, ps, MS_SYNC | MS_ASYNC), EINVAL, "msync(MS_SYNC|MS_ASYNC)");
	SAFE_MUNMAP(p, ps);
	TST_EXP_FAIL(msync(p, ps, MS_SYNC), ENOMEM, "msync() of an unmapped range");
	SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.test_all = run,
	.needs_tmpdir = 1,
};
