/* SIGSEGV from memory faults, caught with SA_SIGINFO: a read of an unmapped
 * page is SEGV_MAPERR, a write to a PROT_READ page and a read of a PROT_NONE
 * page are SEGV_ACCERR, each with si_addr the exact faulting byte; a read of
 * address 0 is SEGV_MAPERR at 0; a write to a MAP_PRIVATE mapping of a
 * read-only file opened O_RDONLY with PROT_READ is SEGV_ACCERR; after
 * mprotect(PROT_READ|PROT_WRITE) the same write succeeds.
 * SYSCALLS: rt_sigaction mmap munmap mprotect openat rt_sigprocmask */
#include <setjmp.h>
#include <sys/mman.h>
#include "tst_test.h"

static sigjmp_buf env;
static volatile int got_sig, got_code;
static void *volatile got_addr;
static long page;

static void handler(int sig, siginfo_t *si, void *uc)
{
	got_sig = si->si_signo;
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(env, 1);
}

/* Performs one access; returns 1 when it faulted. */
static int touch(volatile char *p, int write)
{
	got_sig = got_code = 0;
	got_addr = NULL;
	if (sigsetjmp(env, 1))
		return 1;
	if (write)
		*p = 1;
	else
		(void)*p;
	return 0;
}

static void expect_fault(volatile char *p, int write, int code, const char *what)
{
	if (!touch(p, write)) {
		tst_res(TFAIL, "%s: no fault", what);
		return;
	}
	if (got_sig != SIGSEGV || got_code != code || got_addr != (void *)p)
		tst_res(TFAIL, "%s: signal %d si_code %d si_addr %p, expected SIGSEGV code %d at %p",
			what, got_sig, got_code, got_addr, code, (void *)p);
	else
		tst_res(TPASS, "%s: SIGSEGV %s at the faulting address", what,
			code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
}

static void setup(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };

	page = sysconf(_SC_PAGESIZE);
	SAFE_SIGACTION(SIGSEGV, &sa, NULL);
}

static void run(unsigned int n)
{
	char *p;
	int fd;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SAFE_MUNMAP(p + page, page);
		expect_fault(p + page + 123, 0, SEGV_MAPERR, "read of an unmapped page");
		expect_fault(p + page, 1, SEGV_MAPERR, "write to an unmapped page");
		TST_EXP_EXPR(!touch(p + 2 * page, 1) && !touch(p + page - 1, 0),
			     "the pages around the hole stay usable");
		SAFE_MUNMAP(p, page);
		SAFE_MUNMAP(p + 2 * page, page);
		break;
	case 1:
		p = SAFE_MMAP(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_EXPR(!touch(p + 5, 0), "read of a PROT_READ page works");
		expect_fault(p + 77, 1, SEGV_ACCERR, "write to a PROT_READ page");
		SAFE_MPROTECT(p, page, PROT_NONE);
		expect_fault(p + 9, 0, SEGV_ACCERR, "read of a PROT_NONE page");
		SAFE_MPROTECT(p, page, PROT_READ | PROT_WRITE);
		TST_EXP_EXPR(!touch(p + 77, 1) && p[77] == 1, "write after mprotect(RW) works");
		SAFE_MUNMAP(p, page);
		break;
	case 2:
		expect_fault((volatile char *)0, 0, SEGV_MAPERR, "read of address 0");
		break;
	case 3:
		fd = SAFE_OPEN("ro_file", O_CREAT | O_RDWR, 0600);
		SAFE_WRITE(1, fd, "0123456789", 10);
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("ro_file", O_RDONLY);
		p = SAFE_MMAP(NULL, page, PROT_READ, MAP_SHARED, fd, 0);
		TST_EXP_EXPR(p[3] == '3', "a read-only file mapping reads the file");
		expect_fault(p + 3, 1, SEGV_ACCERR, "write to a read-only shared file mapping");
		TST_EXP_FAIL(mprotect(p, page, PROT_READ | PROT_WRITE), EACCES,
			     "mprotect(PROT_WRITE) of a shared mapping of an O_RDONLY fd");
		SAFE_MUNMAP(p, page);
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
