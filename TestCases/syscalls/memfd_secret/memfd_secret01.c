/* memfd_secret(): a secret memory fd sized with ftruncate() maps shared,
 * keeps what is written and reads back through the mapping; read() on it is
 * EINVAL (no page cache access). Errors: EINVAL for unknown flags. A kernel
 * without secretmem answers ENOSYS: TCONF.
 * SYSCALLS: memfd_secret ftruncate mmap munmap read */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_memfd_secret
# define __NR_memfd_secret 447
#endif

static void run(unsigned int n)
{
	long page = getpagesize();
	char *p, c;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_FD(tst_syscall(__NR_memfd_secret, O_CLOEXEC), "memfd_secret(O_CLOEXEC)");
		fd = TST_RET;
		if (fd < 0)
			return;
		SAFE_FTRUNCATE(fd, page);
		p = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		strcpy(p, "secret");
		TST_EXP_EQ_STR(p, "secret");
		TST_EXP_FAIL2(read(fd, &c, 1), EINVAL, "read() of a secret memory fd");
		SAFE_MUNMAP(p, page);
		SAFE_CLOSE(fd);
		break;
	case 1:
		TST_EXP_FAIL(tst_syscall(__NR_memfd_secret, 0x4), EINVAL,
			     "memfd_secret() with an unknown flag");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
