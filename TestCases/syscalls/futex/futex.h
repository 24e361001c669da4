/* Shared by the futex tests: the raw syscall (glibc has no wrapper) and a
 * helper thread that counts how many waiters a wake released. */
#ifndef FUTEX_TESTS_H
#define FUTEX_TESTS_H

#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"

static inline long sys_futex(void *uaddr, int op, int val, void *timeout_or_val2,
			     void *uaddr2, int val3)
{
	return syscall(__NR_futex, uaddr, op, val, timeout_or_val2, uaddr2, val3);
}

/* Waits until TID is asleep (state 'S'), i.e. blocked in the futex. */
static inline void wait_thread_sleeping(pid_t tid)
{
	char path[64], buf[256], *p;
	int i, fd, len;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
	for (i = 0; i < 1000; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return;
		len = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (len > 0) {
			buf[len] = 0;
			p = strrchr(buf, ')');
			if (p && p[2] == 'S')
				return;
		}
		usleep(5000);
	}
	tst_brk(TBROK, "thread %d never went to sleep", (int)tid);
}

#endif
