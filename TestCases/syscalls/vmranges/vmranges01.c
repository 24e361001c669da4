/* Address ranges the process does not own, as the kernel answers for them:
 * MAP_FIXED_NOREPLACE is EEXIST over any mapping (an own mapping, partly
 * overlapped, or the program's own code) and lands exactly in a free range;
 * munmap of a range with nothing mapped succeeds and of a half-mapped range
 * removes the mapped half; mprotect of an unmapped or half-mapped range is
 * ENOMEM and changes nothing, of length 0 succeeds, unaligned is EINVAL;
 * mremap from an unmapped address is EFAULT, MREMAP_FIXED without
 * MREMAP_MAYMOVE EINVAL; readlink and fstat into a bad buffer are EFAULT.
 * SYSCALLS: mmap munmap mprotect mremap mincore readlinkat newfstatat openat close */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <sys/mman.h>
#include <sys/stat.h>
#include "tst_test.h"

#ifndef MAP_FIXED_NOREPLACE
# define MAP_FIXED_NOREPLACE 0x100000
#endif

static long ps;
static void *bad;

static void setup(void)
{
	ps = getpagesize();
	bad = tst_get_bad_addr(NULL);
}

/* A free, page-aligned range of `pages` pages (mapped, then given back). */
static char *free_range(int pages)
{
	char *p = SAFE_MMAP(NULL, pages * ps, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MUNMAP(p, pages * ps);
	return p;
}

static int is_mapped(void *p)
{
	unsigned char v;

	return mincore(p, ps, &v) == 0;
}

static void run(unsigned int n)
{
	char *p, *q;
	char *text = (char *)((unsigned long)&run & ~(unsigned long)(ps - 1));
	struct stat st;
	int fd;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 'x';
		TST_EXP_FAIL_PTR_VOID(mmap(p, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
				      EEXIST, "MAP_FIXED_NOREPLACE over an own mapping");
		TST_EXP_FAIL_PTR_VOID(mmap(p - ps, 2 * ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
				      EEXIST, "MAP_FIXED_NOREPLACE partly over an own mapping");
		TST_EXP_FAIL_PTR_VOID(mmap(text, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
				      EEXIST, "MAP_FIXED_NOREPLACE over the program's code");
		TST_EXP_EXPR(p[0] == 'x', "the mapping it collided with is intact");
		SAFE_MUNMAP(p, 2 * ps);
		q = free_range(3);
		p = mmap(q + ps, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		TST_EXP_EXPR(p == q + ps, "MAP_FIXED_NOREPLACE in a free range lands exactly there");
		if (p != MAP_FAILED)
			SAFE_MUNMAP(p, ps);
		break;
	case 1:
		q = free_range(4);
		TST_EXP_PASS(munmap(q, 4 * ps), "munmap() of a range with nothing mapped");
		p = SAFE_MMAP(q, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		TST_EXP_PASS(munmap(q + ps, 3 * ps), "munmap() of a half-mapped range");
		TST_EXP_EXPR(is_mapped(p) && !is_mapped(p + ps), "the page before stays, the mapped half is gone");
		SAFE_MUNMAP(p, ps);
		break;
	case 2:
		q = free_range(4);
		TST_EXP_FAIL(mprotect(q, 2 * ps, PROT_READ), ENOMEM, "mprotect() of an unmapped range");
		p = SAFE_MMAP(q, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		TST_EXP_FAIL(mprotect(q + ps, 2 * ps, PROT_READ), ENOMEM, "mprotect() running past the mapping");
		TST_EXP_PASS(mprotect(q, 0, PROT_READ), "mprotect() of length 0");
		TST_EXP_FAIL(mprotect(q + 1, ps, PROT_READ), EINVAL, "mprotect() at an unaligned address");
		p[0] = 'w';
		TST_EXP_EXPR(p[0] == 'w', "the mapping is still writable");
		SAFE_MUNMAP(p, 2 * ps);
		break;
	case 3:
		q = free_range(2);
		TST_EXP_FAIL_PTR_VOID(mremap(q, ps, 2 * ps, MREMAP_MAYMOVE), EFAULT, "mremap() of an unmapped address");
		p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL_PTR_VOID(mremap(p, ps, ps, MREMAP_FIXED, q), EINVAL, "MREMAP_FIXED without MREMAP_MAYMOVE");
		SAFE_MUNMAP(p, ps);
		break;
	case 4:
		TEST(readlink("/proc/self/exe", bad, 64));
		if (TST_RET == -1 && TST_ERR == EFAULT)
			tst_res(TPASS | TTERRNO, "readlink(/proc/self/exe) into a bad buffer");
		else
			tst_res(TFAIL | TTERRNO, "readlink(/proc/self/exe) into a bad buffer returned %ld", TST_RET);
		TST_EXP_FAIL(fstat(0, bad), EFAULT, "fstat() into a bad buffer");
		fd = SAFE_OPEN("/proc/self/maps", O_RDONLY);
		TST_EXP_FAIL(fstat(fd, bad), EFAULT, "fstat() of /proc/self/maps into a bad buffer");
		TST_EXP_PASS(fstat(fd, &st), "fstat() of /proc/self/maps");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
};
