/* getuid(), geteuid(), getgid(), getegid(), getresuid(), getresgid() agree
 * with each other and with the Uid:/Gid: lines of /proc/self/status.
 * SYSCALLS: getuid geteuid getgid getegid getresuid getresgid openat read */
#include "tst_test.h"

static void run(void)
{
	unsigned int u[4], g[4];
	uid_t r, e, s;
	gid_t gr, ge, gs;
	FILE *f;
	char line[256];
	int got = 0;

	f = SAFE_FOPEN("/proc/self/status", "r");
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "Uid: %u %u %u %u", &u[0], &u[1], &u[2], &u[3]) == 4)
			got |= 1;
		if (sscanf(line, "Gid: %u %u %u %u", &g[0], &g[1], &g[2], &g[3]) == 4)
			got |= 2;
	}
	SAFE_FCLOSE(f);
	if (got != 3) {
		tst_res(TCONF, "/proc/self/status lacks Uid:/Gid: lines");
		return;
	}
	TST_EXP_EQ_LU(getuid(), u[0]);
	TST_EXP_EQ_LU(geteuid(), u[1]);
	TST_EXP_EQ_LU(getgid(), g[0]);
	TST_EXP_EQ_LU(getegid(), g[1]);
	TST_EXP_PASS(getresuid(&r, &e, &s), "getresuid()");
	TST_EXP_EXPR(r == u[0] && e == u[1] && s == u[2], "getresuid() matches /proc (%u %u %u)", r, e, s);
	TST_EXP_PASS(getresgid(&gr, &ge, &gs), "getresgid()");
	TST_EXP_EXPR(gr == g[0] && ge == g[1] && gs == g[2], "getresgid() matches /proc");
}

static struct tst_test test = {
	.test_all = run,
};
