/* remap_file_pages() (emulated by the kernel since 4.0): in a shared mapping
 * of a two-page file, remapping the first page to file page 1 shows page 1's
 * data there. Errors: EINVAL (a private mapping, a non-zero prot, an
 * unmapped address).
 * SYSCALLS: remap_file_pages mmap munmap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"

static long page;
static int fd;

static void run(unsigned int n)
{
	char *p;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		TST_EXP_EXPR(p[0] == 'A' && p[page] == 'B', "file pages A and B are mapped in order");
		TST_EXP_PASS(syscall(__NR_remap_file_pages, p, page, 0, 1, 0),
			     "remap_file_pages(first page -> file page 1)");
		TST_EXP_EXPR(p[0] == 'B' && p[page] == 'B', "the first page now shows file page 1");
		SAFE_MUNMAP(p, 2 * page);
		break;
	case 1:
		p = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		TST_EXP_FAIL(syscall(__NR_remap_file_pages, p, page, 0, 1, 0), EINVAL,
			     "remap_file_pages() of a private mapping");
		SAFE_MUNMAP(p, 2 * page);
		p = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		TST_EXP_FAIL(syscall(__NR_remap_file_pages, p, page, PROT_READ, 1, 0), EINVAL,
			     "remap_file_pages() with a non-zero prot");
		SAFE_MUNMAP(p, 2 * page);
		TST_EXP_FAIL(syscall(__NR_remap_file_pages, p, page, 0, 1, 0), EINVAL,
			     "remap_file_pages() of an unmapped address");
		break;
	}
}

static void setup(void)
{
	char *buf;

	page = getpagesize();
	buf = SAFE_MALLOC(2 * page);
	memset(buf, 'A', page);
	memset(buf + page, 'B', page);
	fd = SAFE_OPEN("two_pages", O_CREAT | O_RDWR, 0644);
	SAFE_WRITE(1, fd, buf, 2 * page);
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
