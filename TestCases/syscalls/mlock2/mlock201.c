/* mlock2(): flags 0 behaves as mlock (VmLck grows, pages resident);
 * MLOCK_ONFAULT locks without populating (untouched pages stay
 * non-resident, a touched one is resident; VmLck counts the whole locked
 * range either way); EINVAL for unknown flags, ENOMEM for an unmapped range.
 * SYSCALLS: mlock2 munlock mincore mmap munmap openat read geteuid */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#define PG 4096
#ifndef MLOCK_ONFAULT
# define MLOCK_ONFAULT 1
#endif

static long vmlck_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = SAFE_FOPEN("/proc/self/status", "r");

	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmLck: %ld kB", &kb) == 1)
			break;
	SAFE_FCLOSE(f);
	return kb;
}

static void run(unsigned int n)
{
	unsigned char vec[8];
	char *p;
	long before;

	p = SAFE_MMAP(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	before = vmlck_kb();
	switch (n) {
	case 0:
		TST_EXP_PASS(tst_syscall(__NR_mlock2, p, 8 * PG, 0), "mlock2(flags 0)");
		TST_EXP_EQ_LI(vmlck_kb() - before, 8 * PG / 1024);
		mincore(p, 8 * PG, vec);
		TST_EXP_EXPR((vec[0] & 1) && (vec[7] & 1), "all pages resident");
		break;
	case 1:
		TST_EXP_PASS(tst_syscall(__NR_mlock2, p, 8 * PG, MLOCK_ONFAULT), "mlock2(MLOCK_ONFAULT)");
		mincore(p, 8 * PG, vec);
		TST_EXP_EXPR(!(vec[3] & 1), "untouched page not populated");
		p[3 * PG] = 1;
		mincore(p, 8 * PG, vec);
		TST_EXP_EXPR(vec[3] & 1, "touched page resident");
		TST_EXP_EQ_LI(vmlck_kb() - before, 8 * PG / 1024);
		break;
	case 2:
		TST_EXP_FAIL(tst_syscall(__NR_mlock2, p, PG, 0x80), EINVAL, "mlock2() with flag 0x80");
		munlock(p, 8 * PG);
		SAFE_MUNMAP(p, 8 * PG);
		TST_EXP_FAIL(tst_syscall(__NR_mlock2, p, PG, 0), ENOMEM, "mlock2() of an unmapped range");
		return;
	}
	munlock(p, 8 * PG);
	SAFE_MUNMAP(p, 8 * PG);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_root = 1,
};
