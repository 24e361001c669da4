/* mremap() moving: MREMAP_MAYMOVE|MREMAP_FIXED moves a mapping to a given
 * address with its contents and unmaps the old one; MREMAP_DONTUNMAP moves
 * the pages but leaves the old range mapped and empty; old_size 0 on a
 * shared mapping duplicates it (both views see each write); EINVAL for
 * overlapping source and target, for DONTUNMAP without MAYMOVE and for
 * unknown flags.
 * SYSCALLS: mremap mmap munmap mincore */
#include <sys/mman.h>
#include "tst_test.h"

#define PG 4096
#ifndef MREMAP_DONTUNMAP
# define MREMAP_DONTUNMAP 4
#endif

static void run(unsigned int n)
{
	unsigned char vec[2];
	char *p, *q, *r;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		q = SAFE_MMAP(NULL, 4 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(p + PG, "moved");
		r = mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, q + PG);
		TST_EXP_EXPR(r == q + PG, "MREMAP_FIXED moved to the requested address");
		if (r == q + PG) {
			TST_EXP_EQ_STR(r + PG, "moved");
			TST_EXP_FAIL(mincore(p, PG, vec), ENOMEM, "old range unmapped after the move");
		}
		SAFE_MUNMAP(q, 4 * PG);
		break;
	case 1:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(p, "dontunmap");
		r = mremap(p, PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
		if (r == MAP_FAILED && errno == EINVAL) {
			tst_res(TCONF, "MREMAP_DONTUNMAP not supported");
			SAFE_MUNMAP(p, PG);
			return;
		}
		TST_EXP_EXPR(r != MAP_FAILED && r != p, "MREMAP_DONTUNMAP moved to %p", r);
		TST_EXP_EQ_STR(r, "dontunmap");
		TST_EXP_EXPR(p[0] == 0, "old range still mapped and now empty");
		SAFE_MUNMAP(p, PG);
		SAFE_MUNMAP(r, PG);
		break;
	case 2:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		r = mremap(p, 0, PG, MREMAP_MAYMOVE);
		TST_EXP_EXPR(r != MAP_FAILED && r != p, "old_size 0 duplicates a shared mapping");
		if (r != MAP_FAILED) {
			p[10] = 'd';
			TST_EXP_EXPR(r[10] == 'd', "a write through one view is seen in the other");
			SAFE_MUNMAP(r, PG);
		}
		SAFE_MUNMAP(p, PG);
		break;
	case 3:
		p = SAFE_MMAP(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TEST((long)mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + PG));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EINVAL,
			     "MREMAP_FIXED onto an overlapping range: EINVAL (%s)", tst_strerrno(TST_ERR));
		TEST((long)mremap(p, PG, PG, MREMAP_DONTUNMAP, NULL));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EINVAL,
			     "MREMAP_DONTUNMAP without MREMAP_MAYMOVE: EINVAL (%s)", tst_strerrno(TST_ERR));
		TEST((long)mremap(p, PG, PG, 0x80));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EINVAL,
			     "mremap() flag 0x80: EINVAL (%s)", tst_strerrno(TST_ERR));
		SAFE_MUNMAP(p, 4 * PG);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
