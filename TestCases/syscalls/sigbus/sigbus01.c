/* SIGBUS from a file mapping that reaches past the end of the file: the
 * whole pages beyond EOF give SIGBUS with BUS_ADRERR and si_addr the byte
 * touched (the partial last page reads as zeros past EOF); growing the file
 * with ftruncate makes the same address readable; a child that touches the
 * page with no handler is killed by SIGBUS. On AArch64 a load-exclusive from
 * a misaligned address is SIGBUS BUS_ADRALN (other architectures: TCONF for
 * that case).
 * SYSCALLS: openat ftruncate mmap munmap rt_sigaction clone wait4 prlimit64 rt_sigprocmask */
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "tst_test.h"

static sigjmp_buf env;
static volatile int got_sig, got_code;
static void *volatile got_addr;
static long page;
static int fd;
static char *map;

static void handler(int sig, siginfo_t *si, void *uc)
{
	got_sig = si->si_signo;
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(env, 1);
}

static int faults(volatile char *p)
{
	got_sig = got_code = 0;
	got_addr = NULL;
	if (sigsetjmp(env, 1))
		return 1;
	(void)*p;
	return 0;
}

static void setup(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };

	page = sysconf(_SC_PAGESIZE);
	SAFE_SIGACTION(SIGSEGV, &sa, NULL);
	SAFE_SIGACTION(SIGBUS, &sa, NULL);
	fd = SAFE_OPEN("short_file", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(1, fd, "abc", 3);
	/* four pages mapped over a three-byte file */
	map = SAFE_MMAP(NULL, 4 * page, PROT_READ, MAP_SHARED, fd, 0);
}

static void cleanup(void)
{
	if (map)
		SAFE_MUNMAP(map, 4 * page);
	if (fd > 0)
		SAFE_CLOSE(fd);
}

#ifdef __aarch64__
static volatile unsigned long aligned_words[4];
static unsigned long load_exclusive(volatile void *p)
{
	unsigned long v;

	__asm__ volatile("ldxr %0, [%1]\n\tclrex" : "=r"(v) : "r"(p) : "memory");
	return v;
}
#endif

static void run(unsigned int n)
{
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		TST_EXP_EXPR(!faults(map + 2) && map[2] == 'c' && map[3] == 0 && map[page - 1] == 0,
			     "the partial last page reads the file, then zeros");
		if (!faults(map + 2 * page + 40)) {
			tst_res(TFAIL, "read two pages past EOF did not fault");
			break;
		}
		TST_EXP_EXPR(got_sig == SIGBUS && got_code == BUS_ADRERR && got_addr == map + 2 * page + 40,
			     "read past EOF: SIGBUS BUS_ADRERR at the byte (got signal %d code %d)",
			     got_sig, got_code);
		TST_EXP_EXPR(faults(map + page) && got_sig == SIGBUS && got_addr == map + page,
			     "first byte of the first page past EOF: SIGBUS");
		break;
	case 1:
		SAFE_FTRUNCATE(fd, 3 * page);
		TST_EXP_EXPR(!faults(map + 2 * page + 40) && map[2 * page + 40] == 0,
			     "after ftruncate() growing the file the page reads zeros");
		TST_EXP_EXPR(faults(map + 3 * page) && got_sig == SIGBUS,
			     "the page past the new EOF still gives SIGBUS");
		SAFE_FTRUNCATE(fd, 3);
		TST_EXP_EXPR(faults(map + page) && got_sig == SIGBUS,
			     "after shrinking back the page gives SIGBUS again");
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			setrlimit(RLIMIT_CORE, &no_core);
			signal(SIGBUS, SIG_DFL);
			(void)*(volatile char *)(map + 3 * page);
			_exit(1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS,
			     "unhandled read past EOF kills the child with SIGBUS (status 0x%x)", status);
		break;
	case 3:
#ifdef __aarch64__
		got_sig = 0;
		if (sigsetjmp(env, 1) == 0) {
			load_exclusive((volatile char *)aligned_words + 3);
			tst_res(TFAIL, "misaligned ldxr did not fault");
			break;
		}
		TST_EXP_EXPR(got_sig == SIGBUS && got_code == BUS_ADRALN &&
			     got_addr == (volatile char *)aligned_words + 3,
			     "misaligned ldxr: SIGBUS BUS_ADRALN at the address (got signal %d code %d)",
			     got_sig, got_code);
		TST_EXP_EXPR(load_exclusive(aligned_words) == 0, "aligned ldxr works");
#else
		tst_res(TCONF, "misaligned exclusive access: an AArch64 check");
#endif
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
