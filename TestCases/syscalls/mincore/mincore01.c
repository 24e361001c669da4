/* mincore(): touched anonymous pages are reported resident and untouched
 * ones not; a file page written through a shared mapping is resident;
 * EINVAL for an unaligned start, ENOMEM for an unmapped range, EFAULT for
 * an unmapped vector.
 * SYSCALLS: mincore mmap munmap openat ftruncate close */
#include <sys/mman.h>
#include "tst_test.h"

#define PG 4096

static void run(unsigned int n)
{
	unsigned char vec[8];
	char *p;
	int fd;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 1;
		p[5 * PG] = 1;
		TST_EXP_PASS(mincore(p, 8 * PG, vec), "mincore() of 8 anonymous pages");
		TST_EXP_EXPR((vec[0] & 1) && (vec[5] & 1) && !(vec[1] & 1) && !(vec[7] & 1),
			     "touched pages 0,5 resident, 1,7 not (%d%d%d%d)", vec[0] & 1, vec[1] & 1,
			     vec[5] & 1, vec[7] & 1);
		SAFE_MUNMAP(p, 8 * PG);
		break;
	case 1:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		SAFE_FTRUNCATE(fd, 2 * PG);
		p = SAFE_MMAP(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		p[0] = 'x';
		TST_EXP_PASS(mincore(p, 2 * PG, vec), "mincore() of a shared file mapping");
		TST_EXP_EXPR(vec[0] & 1, "written file page resident");
		SAFE_MUNMAP(p, 2 * PG);
		SAFE_CLOSE(fd);
		break;
	case 2:
		p = SAFE_MMAP(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL(mincore(p + 1, PG, vec), EINVAL, "mincore() unaligned start");
		TST_EXP_FAIL(mincore(p, PG, tst_get_bad_addr(NULL)), EFAULT, "mincore() unmapped vector");
		SAFE_MUNMAP(p, 2 * PG);
		TST_EXP_FAIL(mincore(p, PG, vec), ENOMEM, "mincore() of an unmapped range");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
