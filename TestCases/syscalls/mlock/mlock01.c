/* mlock()/munlock(): locking a range raises VmLck in /proc/self/status by
 * its size and makes it resident (mincore), munlock lowers it again;
 * locking an already-locked range is fine; ENOMEM for an unmapped range;
 * EINVAL for a length that wraps; an unprivileged child with
 * RLIMIT_MEMLOCK 0 gets EPERM.
 * SYSCALLS: mlock munlock mincore mmap munmap openat read prlimit64 setuid clone wait4 exit_group geteuid */
#include <sys/mman.h>
#include <sys/resource.h>
#include "tst_test.h"

#define PG 4096

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
	unsigned char vec[16];
	char *p;
	long before;
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		before = vmlck_kb();
		TST_EXP_PASS(mlock(p, 16 * PG), "mlock() of 16 pages");
		TST_EXP_EQ_LI(vmlck_kb() - before, 16 * PG / 1024);
		mincore(p, 16 * PG, vec);
		TST_EXP_EXPR((vec[0] & 1) && (vec[15] & 1), "locked pages are resident");
		TST_EXP_PASS(mlock(p, 4 * PG), "mlock() of an already-locked part");
		TST_EXP_PASS(munlock(p, 16 * PG), "munlock()");
		TST_EXP_EQ_LI(vmlck_kb(), before);
		SAFE_MUNMAP(p, 16 * PG);
		break;
	case 1:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SAFE_MUNMAP(p, PG);
		TST_EXP_FAIL(mlock(p, PG), ENOMEM, "mlock() of an unmapped page");
		TST_EXP_FAIL(munlock(p, PG), ENOMEM, "munlock() of an unmapped page");
		TST_EXP_FAIL(mlock((void *)PG, (size_t)-PG), EINVAL, "mlock() with a wrapping length");
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			struct rlimit rl = { 0, 0 };

			p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (setrlimit(RLIMIT_MEMLOCK, &rl) || setuid(65534))
				_exit(2);
			_exit(mlock(p, PG) == -1 && errno == EPERM ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "unprivileged mlock() with RLIMIT_MEMLOCK 0 is EPERM (status %d)", WEXITSTATUS(status));
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
