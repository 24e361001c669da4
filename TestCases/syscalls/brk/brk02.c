/* brk(): after growing the break and writing near its end, shrinking it
 * back unmaps the released pages (a forked child touching them faults)
 * while memory below stays; growing again gives zeroed pages; a request
 * below the data segment start leaves the break unchanged.
 * SYSCALLS: brk clone wait4 exit_group */
#include <sys/syscall.h>
#include "tst_test.h"

#define PG 4096

static void run(unsigned int n)
{
	uintptr_t start, top, cur;
	int status;
	pid_t pid;

	start = syscall(__NR_brk, 0);
	switch (n) {
	case 0:
		top = syscall(__NR_brk, start + 8 * PG);
		if (top < start + 8 * PG)
			tst_brk(TBROK, "brk() did not grow");
		((char *)start)[0] = 'a';
		((char *)top)[-1] = 'z';
		cur = syscall(__NR_brk, start + PG);
		TST_EXP_EXPR(cur == start + PG, "brk() shrinks to start + 1 page");
		TST_EXP_EXPR(((char *)start)[0] == 'a', "memory below the new break kept");
		pid = SAFE_FORK();
		if (!pid) {
			signal(SIGSEGV, SIG_DFL);
			_exit(((volatile char *)top)[-1]);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
			     "released pages fault after the shrink");
		cur = syscall(__NR_brk, start + 8 * PG);
		TST_EXP_EXPR(cur == start + 8 * PG && ((char *)cur)[-1] == 0,
			     "grown again, the re-added page is zero");
		syscall(__NR_brk, start);
		break;
	case 1:
		TST_EXP_EXPR((uintptr_t)syscall(__NR_brk, PG) == start,
			     "brk() below the data segment returns the old break");
		TST_EXP_EXPR((uintptr_t)syscall(__NR_brk, 0) == start, "break unchanged");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
};
