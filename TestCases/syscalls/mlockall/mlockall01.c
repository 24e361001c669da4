/* mlockall()/munlockall(): MCL_CURRENT locks what is mapped (VmLck > 0),
 * MCL_FUTURE also locks later mappings (a new mapping is resident without
 * being touched), MCL_CURRENT|MCL_ONFAULT does not populate; munlockall
 * brings VmLck back to 0; EINVAL for flags 0, for MCL_ONFAULT alone and for
 * unknown bits. Each case runs in a child so the locks stay contained.
 * SYSCALLS: mlockall munlockall mincore mmap openat read clone wait4 exit_group geteuid */
#include <sys/mman.h>
#include "tst_test.h"

#define PG 4096
#ifndef MCL_ONFAULT
# define MCL_ONFAULT 4
#endif

static long vmlck_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmLck: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static int child(unsigned int n)
{
	unsigned char vec[4];
	char *p;

	switch (n) {
	case 0:
		if (mlockall(MCL_CURRENT))
			return 1;
		if (vmlck_kb() <= 0)
			return 2;
		if (munlockall())
			return 3;
		return vmlck_kb() == 0 ? 0 : 4;
	case 1:
		if (mlockall(MCL_CURRENT | MCL_FUTURE))
			return 1;
		p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED || mincore(p, 4 * PG, vec))
			return 2;
		return (vec[0] & 1) && (vec[3] & 1) ? 0 : 3;
	case 2:
		if (mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT))
			return 1;
		p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED || mincore(p, 4 * PG, vec))
			return 2;
		return !(vec[2] & 1) ? 0 : 3;
	}
	return 9;
}

static void run(unsigned int n)
{
	static const char *const names[] = {
		"MCL_CURRENT locks, munlockall unlocks",
		"MCL_FUTURE populates a new mapping",
		"MCL_ONFAULT leaves a new mapping unpopulated",
	};
	int status;
	pid_t pid;

	if (n == 3) {
		TST_EXP_FAIL(mlockall(0), EINVAL, "mlockall(0)");
		TST_EXP_FAIL(mlockall(MCL_ONFAULT), EINVAL, "mlockall(MCL_ONFAULT) alone");
		TST_EXP_FAIL(mlockall(MCL_CURRENT | 0x100), EINVAL, "mlockall() with bit 0x100");
		return;
	}
	pid = SAFE_FORK();
	if (!pid)
		_exit(child(n));
	SAFE_WAITPID(pid, &status, 0);
	TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "%s (step %d)", names[n],
		     WEXITSTATUS(status));
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
