/* rseq(): glibc registers an area for every thread at start; in a child,
 * registering it again is EBUSY, with another signature EPERM; unregistering
 * with a wrong signature is EPERM, a wrong address EINVAL, the right one
 * succeeds; then a misaligned area, a short length and unknown flags are
 * EINVAL, and the test's own area registers and gets a cpu_id from the kernel.
 * SYSCALLS: rseq */
#include <sys/rseq.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

/* glibc 2.36 defines RSEQ_SIG only where it registers rseq itself (not on
 * riscv64); the kernel only compares the value, so any constant will do. */
#ifndef RSEQ_SIG
# define RSEQ_SIG 0x53053053
#endif
#define AREA_LEN 32
#define FLAG_UNREGISTER 1

static struct rseq mine __attribute__((aligned(32)));
static char raw[2 * AREA_LEN] __attribute__((aligned(32)));

static long sys_rseq(void *area, unsigned int len, int flags, uint32_t sig)
{
	return syscall(__NR_rseq, area, len, flags, sig);
}

static void child(void)
{
	struct rseq *glibc_area = NULL;

	if (__rseq_size > 0) {
		glibc_area = (void *)((char *)__builtin_thread_pointer() + __rseq_offset);
		TST_EXP_FAIL(sys_rseq(glibc_area, AREA_LEN, 0, RSEQ_SIG), EBUSY,
			     "rseq() of glibc's registered area again");
		TST_EXP_FAIL(sys_rseq(glibc_area, AREA_LEN, 0, RSEQ_SIG + 1), EPERM,
			     "rseq() of the registered area with another signature");
		TST_EXP_FAIL(sys_rseq(glibc_area, AREA_LEN, FLAG_UNREGISTER, RSEQ_SIG + 1), EPERM,
			     "rseq(UNREGISTER) with a wrong signature");
		TST_EXP_FAIL(sys_rseq(&mine, AREA_LEN, FLAG_UNREGISTER, RSEQ_SIG), EINVAL,
			     "rseq(UNREGISTER) of an area that is not registered");
		TST_EXP_FAIL(sys_rseq(&mine, AREA_LEN, 0, RSEQ_SIG), EINVAL,
			     "rseq() of a second area");
		TST_EXP_PASS(sys_rseq(glibc_area, AREA_LEN, FLAG_UNREGISTER, RSEQ_SIG),
			     "rseq(UNREGISTER) of glibc's area");
	} else {
		tst_res(TINFO, "glibc did not register rseq (__rseq_size 0)");
	}
	TST_EXP_FAIL(sys_rseq(raw + 8, AREA_LEN, 0, RSEQ_SIG), EINVAL, "rseq() of a misaligned area");
	TST_EXP_FAIL(sys_rseq(&mine, 16, 0, RSEQ_SIG), EINVAL, "rseq() with length 16");
	TST_EXP_FAIL(sys_rseq(&mine, AREA_LEN, 4, RSEQ_SIG), EINVAL, "rseq() with an unknown flag");
	TST_EXP_FAIL(sys_rseq(&mine, AREA_LEN, FLAG_UNREGISTER, RSEQ_SIG), EINVAL,
		     "rseq(UNREGISTER) with nothing registered");
	mine.cpu_id = RSEQ_CPU_ID_UNINITIALIZED;
	TST_EXP_PASS(sys_rseq(&mine, AREA_LEN, 0, RSEQ_SIG), "rseq() of the test's own area");
	TST_EXP_EXPR((int32_t)mine.cpu_id >= 0 && (int32_t)mine.cpu_id_start >= 0,
		     "the kernel filled cpu_id (%d)", (int32_t)mine.cpu_id);
	TST_EXP_PASS(sys_rseq(&mine, AREA_LEN, FLAG_UNREGISTER, RSEQ_SIG), "rseq(UNREGISTER) of it");
}

static void run(void)
{
	errno = 0;
	if (sys_rseq(NULL, 0, 0, 0) && errno == ENOSYS)
		tst_brk(TCONF, "rseq() not supported");
	/* Unregistering glibc's area must not leak into the test process. */
	if (!SAFE_FORK()) {
		child();
		exit(0);
	}
	tst_reap_children();
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
};
