/* munmap(): an unmapped page faults (SIGSEGV in a child); unmapping the
 * middle page leaves the neighbours usable; unmapping a hole is fine;
 * EINVAL for an unaligned address or length 0.
 * SYSCALLS: munmap mmap clone wait4 */
#include <sys/mman.h>
#include "tst_test.h"

static long ps;

static void setup(void)
{
	ps = getpagesize();
}

static void run(unsigned int n)
{
	char *p;
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 3 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_PASS(munmap(p + ps, ps), "munmap() of the middle page");
		p[0] = 1;
		p[2 * ps] = 2;
		tst_res(TPASS, "neighbouring pages still writable");
		pid = SAFE_FORK();
		if (!pid) {
			signal(SIGSEGV, SIG_DFL);
			p[ps] = 3;
			exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
			     "touching the unmapped page raises SIGSEGV");
		SAFE_MUNMAP(p, 3 * ps);
		break;
	case 1:
		p = SAFE_MMAP(NULL, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SAFE_MUNMAP(p, ps);
		TST_EXP_PASS(munmap(p, ps), "munmap() of a range with nothing mapped");
		break;
	case 2:
		p = SAFE_MMAP(NULL, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL(munmap(p + 1, ps), EINVAL, "munmap() at an unaligned address");
		TST_EXP_FAIL(munmap(p, 0), EINVAL, "munmap() of length 0");
		SAFE_MUNMAP(p, ps);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.forks_child = 1,
};
