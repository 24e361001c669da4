/* cachestat() (Linux 6.5): after writing four pages to a file they are all
 * in the page cache (the whole file, and a one-page range of it). Errors:
 * EINVAL (flags), EBADF, EFAULT.
 * SYSCALLS: cachestat write */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_cachestat
# define __NR_cachestat 451
#endif

struct f_range {
	uint64_t off, len;
};

struct f_cachestat {
	uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted;
};

static long page;
static int fd;

static void run(unsigned int n)
{
	struct f_range all = { 0, 0 }, one = { 0, 0 };
	struct f_cachestat cs;

	one.len = page;
	switch (n) {
	case 0:
		memset(&cs, 0xff, sizeof(cs));
		TST_EXP_PASS(tst_syscall(__NR_cachestat, fd, &all, &cs, 0), "cachestat(whole file)");
		TST_EXP_EQ_LU(cs.nr_cache, 4);
		TST_EXP_EXPR(cs.nr_dirty <= 4 && cs.nr_evicted == 0, "dirty <= 4, none evicted");
		TST_EXP_PASS(syscall(__NR_cachestat, fd, &one, &cs, 0), "cachestat(first page)");
		TST_EXP_EQ_LU(cs.nr_cache, 1);
		break;
	case 1:
		TST_EXP_FAIL(tst_syscall(__NR_cachestat, fd, &all, &cs, 1), EINVAL,
			     "cachestat() with a flag");
		TST_EXP_FAIL(syscall(__NR_cachestat, 999, &all, &cs, 0), EBADF,
			     "cachestat() of a closed fd");
		TST_EXP_FAIL(syscall(__NR_cachestat, fd, tst_get_bad_addr(NULL), &cs, 0), EFAULT,
			     "cachestat() of an unmapped range");
		TST_EXP_FAIL(syscall(__NR_cachestat, fd, &all, tst_get_bad_addr(NULL), 0), EFAULT,
			     "cachestat() into an unmapped result");
		break;
	}
}

static void setup(void)
{
	char *buf;

	page = getpagesize();
	buf = SAFE_MALLOC(4 * page);
	memset(buf, 'c', 4 * page);
	fd = SAFE_OPEN("cached", O_CREAT | O_RDWR, 0644);
	SAFE_WRITE(1, fd, buf, 4 * page);
	free(buf);
}

static void cleanup(void)
{
	if (fd > 0)
		SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
