/* mremap(MREMAP_DONTUNMAP) on each kind of mapping: private anonymous pages
 * move and the old range reads zero and stays writable; MREMAP_FIXED puts
 * them at a chosen address; a private file mapping's old range falls back
 * to the file contents (the private change moved away); a shared file
 * mapping's old range still shows the file, and a write through the new
 * range is seen through the old; EINVAL for old_size != new_size and a
 * non-page-aligned new address with MREMAP_FIXED.
 * SYSCALLS: mremap mmap munmap openat ftruncate pwrite64 close */
#include <sys/mman.h>
#include "tst_test.h"

#ifndef MREMAP_DONTUNMAP
# define MREMAP_DONTUNMAP 4
#endif

static long page;
static int fd = -1;

static void setup(void)
{
	char *p, *q;

	page = sysconf(_SC_PAGESIZE);
	fd = SAFE_OPEN("file", O_RDWR | O_CREAT, 0600);
	SAFE_FTRUNCATE(fd, 2 * page);
	SAFE_PWRITE(1, fd, "file page 0", 12, 0);
	SAFE_PWRITE(1, fd, "file page 1", 12, page);
	p = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	q = mremap(p, page, page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	if (q == MAP_FAILED && errno == EINVAL)
		tst_brk(TCONF, "MREMAP_DONTUNMAP not supported (kernel before 5.7)");
	if (q != MAP_FAILED)
		SAFE_MUNMAP(q, page);
	SAFE_MUNMAP(p, page);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char *old, *new, *want;
	int i, zero;

	switch (n) {
	case 0:
		old = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		memset(old, 'a', page);
		memset(old + page, 'b', page);
		new = mremap(old, 2 * page, 2 * page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
		TST_EXP_EXPR(new != MAP_FAILED && new != old, "DONTUNMAP moved private anonymous memory (%p -> %p)",
			     old, new);
		if (new == MAP_FAILED)
			break;
		TST_EXP_EXPR(new[0] == 'a' && new[page] == 'b' && new[2 * page - 1] == 'b', "contents moved");
		for (zero = 1, i = 0; i < 2 * page; i++)
			zero &= !old[i];
		TST_EXP_EXPR(zero, "old range still mapped and reads zero");
		old[5] = 'z';
		TST_EXP_EXPR(old[5] == 'z' && new[5] == 'a', "old range is writable and separate");
		SAFE_MUNMAP(new, 2 * page);
		SAFE_MUNMAP(old, 2 * page);
		break;
	case 1:
		old = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		want = SAFE_MMAP(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(old, "fixed");
		new = mremap(old, page, page, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, want);
		TST_EXP_EXPR(new == want, "MREMAP_FIXED|DONTUNMAP lands at the chosen address (%p, wanted %p)",
			     new, want);
		if (new == want)
			TST_EXP_EQ_STR(new, "fixed");
		TST_EXP_EXPR(old[0] == 0, "old range reads zero");
		TST_EXP_FAIL_PTR_VOID(mremap(old, page, 2 * page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL), EINVAL,
				      "DONTUNMAP with a different new size");
		TST_EXP_FAIL_PTR_VOID(mremap(old, page, page, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
					     want + 1), EINVAL, "DONTUNMAP to an unaligned fixed address");
		SAFE_MUNMAP(want, page);
		SAFE_MUNMAP(old, page);
		break;
	case 2:
		old = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		strcpy(old, "private change");
		new = mremap(old, 2 * page, 2 * page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
		if (new == MAP_FAILED && errno == EINVAL) {
			tst_res(TCONF, "DONTUNMAP of a file mapping needs Linux 5.13");
			SAFE_MUNMAP(old, 2 * page);
			break;
		}
		TST_EXP_EXPR(new != MAP_FAILED, "DONTUNMAP of a private file mapping");
		if (new == MAP_FAILED)
			break;
		TST_EXP_EQ_STR(new, "private change");
		TST_EXP_EQ_STR(new + page, "file page 1");
		TST_EXP_EQ_STR(old, "file page 0");
		TST_EXP_EQ_STR(old + page, "file page 1");
		SAFE_MUNMAP(new, 2 * page);
		SAFE_MUNMAP(old, 2 * page);
		break;
	case 3:
		old = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		new = mremap(old, 2 * page, 2 * page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
		if (new == MAP_FAILED && errno == EINVAL) {
			tst_res(TCONF, "DONTUNMAP of a shared mapping needs Linux 5.13");
			SAFE_MUNMAP(old, 2 * page);
			break;
		}
		TST_EXP_EXPR(new != MAP_FAILED, "DONTUNMAP of a shared file mapping");
		if (new == MAP_FAILED)
			break;
		TST_EXP_EQ_STR(old, "file page 0");
		strcpy(new + page, "shared write");
		TST_EXP_EQ_STR(old + page, "shared write");
		SAFE_PWRITE(1, fd, "file page 1", 12, page);
		SAFE_MUNMAP(new, 2 * page);
		SAFE_MUNMAP(old, 2 * page);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
