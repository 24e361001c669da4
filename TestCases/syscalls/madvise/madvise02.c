/* madvise() beyond the basics: MADV_FREE on private anonymous memory keeps
 * the range usable; MADV_REMOVE on a shared file mapping punches a hole
 * (reads back zero and the file's blocks drop); MADV_DONTFORK hides a
 * range from a forked child (it faults there) while the parent keeps it;
 * MADV_WIPEONFORK gives the child zeroes; EINVAL for MADV_REMOVE on private
 * memory and for a negative length.
 * SYSCALLS: madvise mmap munmap openat ftruncate newfstatat close clone wait4 exit_group msync */
#include <sys/mman.h>
#include "tst_test.h"

#define PG 4096

static void run(unsigned int n)
{
	char *p;
	int fd, status;
	struct stat st;
	pid_t pid;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		memset(p, 'a', 4 * PG);
		TEST(madvise(p, 4 * PG, MADV_FREE));
		if (TST_RET == -1 && TST_ERR == EINVAL) {
			tst_res(TCONF, "MADV_FREE not supported");
		} else {
			TST_EXP_EXPR(TST_RET == 0, "madvise(MADV_FREE)");
			p[0] = 'b';
			TST_EXP_EXPR(p[0] == 'b' && (p[PG] == 'a' || p[PG] == 0),
				     "freed range still usable, lazily freed page is old data or zero");
		}
		SAFE_MUNMAP(p, 4 * PG);
		break;
	case 1:
		fd = SAFE_OPEN("hole", O_CREAT | O_RDWR, 0600);
		SAFE_FTRUNCATE(fd, 8 * PG);
		p = SAFE_MMAP(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		memset(p, 'x', 8 * PG);
		msync(p, 8 * PG, MS_SYNC);
		TEST(madvise(p + 2 * PG, 4 * PG, MADV_REMOVE));
		if (TST_RET == -1 && TST_ERR == EOPNOTSUPP) {
			tst_res(TCONF, "filesystem cannot punch holes (MADV_REMOVE)");
		} else {
			TST_EXP_EXPR(TST_RET == 0, "madvise(MADV_REMOVE) on a shared file mapping");
			TST_EXP_EXPR(p[2 * PG] == 0 && p[6 * PG - 1] == 0 && p[PG] == 'x' && p[6 * PG] == 'x',
				     "hole reads zero, data around it is kept");
			SAFE_FSTAT(fd, &st);
			TST_EXP_EXPR(st.st_blocks * 512 <= 4 * PG + 4096,
				     "file blocks dropped to %ld bytes", (long)st.st_blocks * 512);
		}
		SAFE_MUNMAP(p, 8 * PG);
		SAFE_CLOSE(fd);
		break;
	case 2:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 'k';
		TST_EXP_PASS(madvise(p, PG, MADV_DONTFORK), "madvise(MADV_DONTFORK)");
		pid = SAFE_FORK();
		if (!pid) {
			/* Not mapped here: touching it is SIGSEGV. */
			signal(SIGSEGV, SIG_DFL);
			_exit(*(volatile char *)p);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
			     "child faults on the MADV_DONTFORK range");
		TST_EXP_EXPR(p[0] == 'k', "parent keeps the range");
		SAFE_MUNMAP(p, PG);
		break;
	case 3:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		p[0] = 'w';
		TEST(madvise(p, PG, MADV_WIPEONFORK));
		if (TST_RET == -1 && TST_ERR == EINVAL) {
			tst_res(TCONF, "MADV_WIPEONFORK not supported");
		} else {
			pid = SAFE_FORK();
			if (!pid)
				_exit(p[0] == 0 ? 0 : 1);
			SAFE_WAITPID(pid, &status, 0);
			TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status) && p[0] == 'w',
				     "MADV_WIPEONFORK: child sees zero, parent keeps 'w'");
		}
		SAFE_MUNMAP(p, PG);
		break;
	case 4:
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL(madvise(p, PG, MADV_REMOVE), EINVAL, "MADV_REMOVE on private anonymous memory");
		TST_EXP_FAIL(madvise(p, (size_t)-PG, MADV_NORMAL), EINVAL, "madvise() length wraps around");
		SAFE_MUNMAP(p, PG);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
