/* Checkpoints over futexes in the shared results page. Each futex word
 * stays 0: WAIT sleeps on it, WAKE retries FUTEX_WAKE until the requested
 * number of waiters were actually woken (a waiter may not sleep yet). */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>

#define TST_NO_DEFAULT_MAIN
#include "tst_test.h"
#include "tst_private.h"

#define DEFAULT_MSEC_TIMEOUT 10000

static uint32_t *futex_word(unsigned int id)
{
	if (!tst_test || !tst_test->needs_checkpoints || !tst_shared) {
		errno = EINVAL;
		tst_brk(TBROK, "Set test.needs_checkpoints = 1");
		return NULL;
	}
	if (id >= tst_shared->max_futexes) {
		errno = EOVERFLOW;
		tst_brk(TBROK, "Checkpoint id %u out of range (max %u)", id,
			tst_shared->max_futexes);
		return NULL;
	}
	return &tst_shared->futexes[id];
}

int tst_checkpoint_wait(unsigned int id, unsigned int msec_timeout)
{
	uint32_t *w = futex_word(id);
	struct timespec ts;
	long ret;

	if (!w)
		return -1;
	ts.tv_sec = msec_timeout / 1000;
	ts.tv_nsec = (msec_timeout % 1000) * 1000000L;
	do {
		ret = syscall(SYS_futex, w, FUTEX_WAIT, *w, &ts, NULL, 0);
	} while (ret == -1 && errno == EINTR);
	return (int)ret;
}

int tst_checkpoint_wake(unsigned int id, unsigned int nr_wake,
			unsigned int msec_timeout)
{
	uint32_t *w = futex_word(id);
	unsigned int woken = 0, waited_ms = 0;

	if (!w)
		return -1;
	for (;;) {
		long n = syscall(SYS_futex, w, FUTEX_WAKE, nr_wake - woken, NULL, NULL, 0);

		if (n < 0)
			return -1;
		woken += (unsigned int)n;
		if (woken >= nr_wake)
			return 0;
		if (waited_ms >= msec_timeout) {
			errno = ETIMEDOUT;
			return -1;
		}
		usleep(1000);
		waited_ms++;
	}
}

void tst_safe_checkpoint_wait(const char *file, const int lineno,
			      unsigned int id, unsigned int msec_timeout)
{
	if (!msec_timeout)
		msec_timeout = DEFAULT_MSEC_TIMEOUT;
	if (tst_checkpoint_wait(id, msec_timeout))
		tst_brk_(file, lineno, TBROK | TERRNO,
			 "tst_checkpoint_wait(%u, %u) failed", id, msec_timeout);
}

void tst_safe_checkpoint_wake(const char *file, const int lineno,
			      unsigned int id, unsigned int nr_wake)
{
	if (tst_checkpoint_wake(id, nr_wake, DEFAULT_MSEC_TIMEOUT))
		tst_brk_(file, lineno, TBROK | TERRNO,
			 "tst_checkpoint_wake(%u, %u, %u) failed", id, nr_wake,
			 DEFAULT_MSEC_TIMEOUT);
}
