/* NUMA memory policy on node 0 (which every machine has): set_mempolicy()
 * and get_mempolicy() round-trip MPOL_BIND; mbind() sets a range's policy and
 * set_mempolicy_home_node() its home node; migrate_pages() and move_pages()
 * query and move this process's pages. Errors: EINVAL (unknown mode, empty
 * node mask, unaligned range, unknown flags), EFAULT, ESRCH (no such pid).
 * A kernel without NUMA answers ENOSYS: TCONF.
 * SYSCALLS: set_mempolicy get_mempolicy mbind set_mempolicy_home_node migrate_pages move_pages mmap munmap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_set_mempolicy_home_node
# define __NR_set_mempolicy_home_node 450
#endif
/* From the kernel's uapi mempolicy.h. */
#define F_MPOL_DEFAULT 0
#define F_MPOL_BIND 2
#define F_MPOL_F_ADDR (1 << 1)
#define F_MPOL_MF_MOVE (1 << 1)
#define MAXNODE 64
#define DEAD_PID 0x3ffffff0

static long page;

static void run(unsigned int n)
{
	unsigned long mask = 1, got = 0, empty = 0;
	int mode = -1, status = -1;
	char *p;
	void *pages[1];

	switch (n) {
	case 0:
		TST_EXP_PASS(tst_syscall(__NR_get_mempolicy, &mode, NULL, 0, NULL, 0),
			     "get_mempolicy()");
		TST_EXP_EQ_LI(mode, F_MPOL_DEFAULT);
		TST_EXP_PASS(syscall(__NR_set_mempolicy, F_MPOL_BIND, &mask, MAXNODE),
			     "set_mempolicy(MPOL_BIND, node 0)");
		TST_EXP_PASS(syscall(__NR_get_mempolicy, &mode, &got, MAXNODE, NULL, 0),
			     "get_mempolicy() after set");
		TST_EXP_EQ_LI(mode, F_MPOL_BIND);
		TST_EXP_EQ_LU(got, 1);
		TST_EXP_PASS(syscall(__NR_set_mempolicy, F_MPOL_DEFAULT, NULL, 0),
			     "set_mempolicy(MPOL_DEFAULT)");
		TST_EXP_FAIL(syscall(__NR_set_mempolicy, 99, &mask, MAXNODE), EINVAL,
			     "set_mempolicy() with an unknown mode");
		TST_EXP_FAIL(syscall(__NR_set_mempolicy, F_MPOL_BIND, &empty, MAXNODE), EINVAL,
			     "set_mempolicy(MPOL_BIND) of an empty node mask");
		TST_EXP_FAIL(syscall(__NR_get_mempolicy, &mode, NULL, 0, NULL, 0x100), EINVAL,
			     "get_mempolicy() with an unknown flag");
		TST_EXP_FAIL(syscall(__NR_get_mempolicy, tst_get_bad_addr(NULL), NULL, 0, NULL, 0),
			     EFAULT, "get_mempolicy() into an unmapped mode");
		break;
	case 1:
		p = SAFE_MMAP(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_PASS(tst_syscall(__NR_mbind, p, 4 * page, F_MPOL_BIND, &mask, MAXNODE, 0),
			     "mbind(MPOL_BIND, node 0)");
		TST_EXP_PASS(syscall(__NR_get_mempolicy, &mode, NULL, 0, p, F_MPOL_F_ADDR),
			     "get_mempolicy(MPOL_F_ADDR)");
		TST_EXP_EQ_LI(mode, F_MPOL_BIND);
		TST_EXP_FAIL(syscall(__NR_mbind, p + 1, page, F_MPOL_BIND, &mask, MAXNODE, 0), EINVAL,
			     "mbind() of an unaligned address");
		TST_EXP_FAIL(syscall(__NR_mbind, p, page, 99, &mask, MAXNODE, 0), EINVAL,
			     "mbind() with an unknown mode");
		errno = 0;
		if (syscall(__NR_set_mempolicy_home_node, p, 4 * page, 0, 0) && errno == ENOSYS) {
			tst_res(TCONF, "set_mempolicy_home_node() not supported");
		} else {
			TST_EXP_PASS(syscall(__NR_set_mempolicy_home_node, p, 4 * page, 0, 0),
				     "set_mempolicy_home_node(node 0)");
			TST_EXP_FAIL(syscall(__NR_set_mempolicy_home_node, p, 4 * page, 0, 1), EINVAL,
				     "set_mempolicy_home_node() with a flag");
			TST_EXP_FAIL(syscall(__NR_set_mempolicy_home_node, p, 4 * page, 4096, 0), EINVAL,
				     "set_mempolicy_home_node() of a non-existent node");
		}
		SAFE_MUNMAP(p, 4 * page);
		TST_EXP_FAIL(syscall(__NR_mbind, p, 4 * page, F_MPOL_BIND, &mask, MAXNODE, 0), EFAULT,
			     "mbind() of an unmapped range");
		break;
	case 2:
		p = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 1;
		pages[0] = p;
		TST_EXP_PASS(tst_syscall(__NR_move_pages, 0, 1, pages, NULL, &status, 0),
			     "move_pages() query");
		TST_EXP_EQ_LI(status, 0);
		TST_EXP_PASS(syscall(__NR_move_pages, 0, 1, pages, (int[]){ 0 }, &status, F_MPOL_MF_MOVE),
			     "move_pages() to node 0");
		TST_EXP_EQ_LI(status, 0);
		TST_EXP_FAIL(syscall(__NR_move_pages, 0, 1, pages, NULL, &status, 0x100), EINVAL,
			     "move_pages() with an unknown flag");
		TST_EXP_FAIL(syscall(__NR_move_pages, DEAD_PID, 1, pages, NULL, &status, 0), ESRCH,
			     "move_pages() of a missing pid");
		TST_EXP_VAL(tst_syscall(__NR_migrate_pages, 0, MAXNODE, &mask, &mask), 0,
			    "migrate_pages(node 0 -> node 0)");
		TST_EXP_FAIL(syscall(__NR_migrate_pages, DEAD_PID, MAXNODE, &mask, &mask), ESRCH,
			     "migrate_pages() of a missing pid");
		TST_EXP_FAIL(syscall(__NR_migrate_pages, 0, MAXNODE, &mask, tst_get_bad_addr(NULL)),
			     EFAULT, "migrate_pages() with an unmapped node mask");
		SAFE_MUNMAP(p, page);
		break;
	}
}

static void setup(void)
{
	page = getpagesize();
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
