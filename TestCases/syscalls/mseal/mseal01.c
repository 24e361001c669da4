/* mseal() (Linux 6.10): a sealed mapping can no longer be unmapped,
 * remapped or have its protection changed (EPERM), but is still usable; an
 * unsealed neighbour is unaffected. Errors: EINVAL (unaligned start, flags),
 * ENOMEM (a range with a hole). A kernel without it answers ENOSYS: TCONF.
 * SYSCALLS: mseal mmap munmap mprotect mremap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_mseal
# define __NR_mseal 462
#endif

static void run(unsigned int n)
{
	long page = getpagesize();
	char *p;

	p = SAFE_MMAP(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	switch (n) {
	case 0:
		TST_EXP_PASS(tst_syscall(__NR_mseal, p, page, 0), "mseal() of the first page");
		p[0] = 'x';
		TST_EXP_EXPR(p[0] == 'x', "the sealed page is still writable");
		TST_EXP_FAIL(munmap(p, page), EPERM, "munmap() of a sealed page");
		TST_EXP_FAIL(mprotect(p, page, PROT_READ), EPERM, "mprotect() of a sealed page");
		TST_EXP_FAIL_PTR_VOID(mremap(p, page, 2 * page, MREMAP_MAYMOVE), EPERM,
				      "mremap() of a sealed page");
		TST_EXP_PASS(mprotect(p + page, page, PROT_READ), "mprotect() of the unsealed page");
		TST_EXP_PASS(munmap(p + page, 2 * page), "munmap() of the unsealed pages");
		/* The sealed page stays mapped for the life of the process. */
		break;
	case 1:
		TST_EXP_FAIL(tst_syscall(__NR_mseal, p + 1, page, 0), EINVAL, "mseal() of an unaligned start");
		TST_EXP_FAIL(syscall(__NR_mseal, p, page, 1), EINVAL, "mseal() with a flag");
		SAFE_MUNMAP(p + page, page);
		TST_EXP_FAIL(syscall(__NR_mseal, p, 3 * page, 0), ENOMEM, "mseal() of a range with a hole");
		TST_EXP_PASS(munmap(p, 3 * page), "munmap() after the failed mseal()s");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
