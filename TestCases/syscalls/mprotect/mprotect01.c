/* mprotect(): PROT_READ makes writes fault with SIGSEGV, restoring
 * PROT_WRITE makes them work again with the data kept; EINVAL for an
 * unaligned address or unknown bits, ENOMEM for an unmapped range, EACCES
 * for PROT_WRITE on a read-only shared file mapping.
 * SYSCALLS: mprotect mmap munmap openat close clone wait4 */
#include <sys/mman.h>
#include "tst_test.h"

static long ps;

static void setup(void)
{
	ps = getpagesize();
}

static int write_faults(char *p)
{
	int status;
	pid_t pid = SAFE_FORK();

	if (!pid) {
		signal(SIGSEGV, SIG_DFL);
		*(volatile char *)p = 'w';
		exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static void run(unsigned int n)
{
	char *p;
	int fd;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 'k';
		TST_EXP_PASS(mprotect(p, ps, PROT_READ), "mprotect(PROT_READ)");
		TST_EXP_EXPR(write_faults(p), "a write to a PROT_READ page raises SIGSEGV");
		TST_EXP_EQ_LI(p[0], 'k');
		TST_EXP_PASS(mprotect(p, ps, PROT_READ | PROT_WRITE), "mprotect(PROT_READ|PROT_WRITE)");
		TST_EXP_EXPR(!write_faults(p), "the page is writable again");
		SAFE_MUNMAP(p, ps);
		break;
	case 1:
		p = SAFE_MMAP(NULL, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL(mprotect(p + 1, ps, PROT_READ), EINVAL, "mprotect() at an unaligned address");
		TST_EXP_FAIL(mprotect(p, ps, 0x1000), EINVAL, "mprotect() with unknown PROT bits");
		SAFE_MUNMAP(p, ps);
		TST_EXP_FAIL(mprotect(p, ps, PROT_READ), ENOMEM, "mprotect() of an unmapped page");
		break;
	case 2:
		SAFE_FILE_PRINTF("f", "x");
		fd = SAFE_OPEN("f", O_RDONLY);
		p = SAFE_MMAP(NULL, ps, PROT_READ, MAP_SHARED, fd, 0);
		TST_EXP_FAIL(mprotect(p, ps, PROT_READ | PROT_WRITE), EACCES,
			     "mprotect(PROT_WRITE) of a shared read-only file mapping");
		SAFE_MUNMAP(p, ps);
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.forks_child = 1,
	.needs_tmpdir = 1,
};
