/* tst_syscall(): a raw syscall that turns ENOSYS into TCONF, so a test of a
 * syscall the kernel (or emulator) lacks is skipped with the reason. */
#ifndef LAPI_SYSCALLS_H
#define LAPI_SYSCALLS_H

#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

#define tst_syscall(NR, ...) ({                                         \
	long tst_ret__;                                                 \
	errno = 0;                                                      \
	tst_ret__ = syscall(NR, ##__VA_ARGS__);                         \
	if (tst_ret__ == -1 && errno == ENOSYS) {                       \
		tst_brk(TCONF, "syscall(%d) " #NR " not supported", (int)(NR)); \
	}                                                               \
	tst_ret__;                                                      \
})

#endif
