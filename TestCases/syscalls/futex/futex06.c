/* The futex2 calls (Linux 6.7): futex_wake() with no waiter wakes 0,
 * futex_wait() on a changed value is EAGAIN and times out with ETIMEDOUT;
 * a child blocked in futex_wait() on a shared word is woken by futex_wake(),
 * and futex_requeue() moves a waiter to a second word where it is woken.
 * Errors: EINVAL (unaligned word, unsupported size flag, zero or too wide
 * mask, flags on futex_requeue).
 * SYSCALLS: futex_wait futex_wake futex_requeue mmap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_futex_wake
# define __NR_futex_wake 454
#endif
#ifndef __NR_futex_wait
# define __NR_futex_wait 455
#endif
#ifndef __NR_futex_requeue
# define __NR_futex_requeue 456
#endif
#define F2_SIZE_U32 0x02
#define F2_SIZE_U64 0x03
#define F2_PRIVATE 128
#define MASK_ANY 0xffffffffUL /* a 32-bit futex takes a mask that fits 32 bits */

struct f_waitv {
	uint64_t val, uaddr;
	uint32_t flags, reserved;
};

static uint32_t *shared;

static long fwake(void *uaddr, unsigned long mask, int nr, unsigned int flags)
{
	return syscall(__NR_futex_wake, uaddr, mask, nr, flags);
}

static long fwait(void *uaddr, unsigned long val, unsigned long mask, unsigned int flags,
		  struct timespec *ts)
{
	return syscall(__NR_futex_wait, uaddr, val, mask, flags, ts, CLOCK_MONOTONIC);
}

/* Retries op (which returns how many it woke or moved) until it hits one
 * waiter: the child may not be asleep yet. */
static long until_one(long (*op)(void))
{
	long r = 0;
	int i;

	for (i = 0; i < 2000 && r == 0; i++) {
		r = op();
		if (r == 0)
			usleep(1000);
	}
	return r;
}

static long wake_first(void)
{
	return fwake(&shared[0], MASK_ANY, 1, F2_SIZE_U32);
}

static long requeue_first(void)
{
	struct f_waitv w[2] = {
		{ .val = 0, .uaddr = (uintptr_t)&shared[0], .flags = F2_SIZE_U32 },
		{ .val = 0, .uaddr = (uintptr_t)&shared[1], .flags = F2_SIZE_U32 },
	};
	return syscall(__NR_futex_requeue, w, 0, 0, 1);
}

static long wake_second(void)
{
	return fwake(&shared[1], MASK_ANY, 1, F2_SIZE_U32);
}

static void run(unsigned int n)
{
	uint32_t word = 5;
	struct timespec ts;
	struct f_waitv w[2];

	shared[0] = shared[1] = 0;
	switch (n) {
	case 0:
		TST_EXP_VAL(tst_syscall(__NR_futex_wake, &word, MASK_ANY, 1, F2_SIZE_U32 | F2_PRIVATE),
			    0, "futex_wake() with no waiter");
		TST_EXP_FAIL(fwait(&word, 6, MASK_ANY, F2_SIZE_U32 | F2_PRIVATE, NULL), EAGAIN,
			     "futex_wait() on a word that changed");
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += 20000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		TST_EXP_FAIL(fwait(&word, 5, MASK_ANY, F2_SIZE_U32 | F2_PRIVATE, &ts), ETIMEDOUT,
			     "futex_wait() until an absolute timeout 20 ms ahead");
		break;
	case 1:
		if (!SAFE_FORK()) {
			TST_EXP_PASS(fwait(&shared[0], 0, MASK_ANY, F2_SIZE_U32, NULL),
				     "child: futex_wait() woken");
			exit(0);
		}
		TST_EXP_VAL(until_one(wake_first), 1, "futex_wake() wakes the waiting child");
		tst_reap_children();
		break;
	case 2:
		if (!SAFE_FORK()) {
			TST_EXP_PASS(fwait(&shared[0], 0, MASK_ANY, F2_SIZE_U32, NULL),
				     "child: futex_wait() woken after the requeue");
			exit(0);
		}
		TST_EXP_VAL(until_one(requeue_first), 1, "futex_requeue() moves the waiter");
		TST_EXP_VAL(until_one(wake_second), 1, "futex_wake() of the second word wakes it");
		tst_reap_children();
		break;
	case 3:
		TST_EXP_FAIL(fwake((char *)&word + 1, MASK_ANY, 1, F2_SIZE_U32), EINVAL,
			     "futex_wake() of an unaligned word");
		TST_EXP_FAIL(fwake(&word, MASK_ANY, 1, F2_SIZE_U64), EINVAL,
			     "futex_wake() of a 64-bit futex");
		TST_EXP_FAIL(fwait(&word, 5, 0, F2_SIZE_U32, NULL), EINVAL,
			     "futex_wait() with a zero mask");
		TST_EXP_FAIL(fwake(&word, ~0UL, 1, F2_SIZE_U32), EINVAL,
			     "futex_wake() of a 32-bit futex with a 64-bit mask");
		memset(w, 0, sizeof(w));
		w[0].uaddr = w[1].uaddr = (uintptr_t)&word;
		w[0].flags = w[1].flags = F2_SIZE_U32;
		TST_EXP_FAIL(syscall(__NR_futex_requeue, w, 1, 0, 1), EINVAL,
			     "futex_requeue() with a flag");
		break;
	}
}

static void setup(void)
{
	shared = SAFE_MMAP(NULL, getpagesize(), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.forks_child = 1,
};
