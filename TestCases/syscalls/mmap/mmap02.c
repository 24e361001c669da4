/* mmap() flags: MAP_FIXED_NOREPLACE lands at a free address and fails
 * EEXIST over an existing mapping (which stays intact); MAP_SHARED
 * anonymous memory is shared with a forked child while MAP_PRIVATE is
 * copied; MAP_POPULATE pre-faults (mincore); MAP_GROWSDOWN maps a stack-like
 * region that is usable at its top; EINVAL for MAP_SHARED|MAP_PRIVATE
 * together with no type, EBADF for a file mapping with fd -1, ENODEV for a
 * directory fd.
 * SYSCALLS: mmap munmap mincore openat close clone wait4 exit_group */
#include <sys/mman.h>
#include "tst_test.h"

#define PG 4096
#ifndef MAP_FIXED_NOREPLACE
# define MAP_FIXED_NOREPLACE 0x100000
#endif

static void run(unsigned int n)
{
	unsigned char vec[4];
	char *p, *q;
	int *shared, *priv, status, fd;
	pid_t pid;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SAFE_MUNMAP(p + 2 * PG, 2 * PG);
		p[0] = 'k';
		q = mmap(p + 2 * PG, PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		TST_EXP_EXPR(q == p + 2 * PG, "MAP_FIXED_NOREPLACE at a free address lands there");
		TEST((long)mmap(p, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EEXIST,
			     "MAP_FIXED_NOREPLACE over a mapping: EEXIST (%s)", tst_strerrno(TST_ERR));
		TST_EXP_EXPR(p[0] == 'k', "the existing mapping is intact");
		SAFE_MUNMAP(p, 3 * PG);
		break;
	case 1:
		shared = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		priv = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		pid = SAFE_FORK();
		if (!pid) {
			*shared = 11;
			*priv = 22;
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EQ_LI(*shared, 11);
		TST_EXP_EQ_LI(*priv, 0);
		SAFE_MUNMAP(shared, PG);
		SAFE_MUNMAP(priv, PG);
		break;
	case 2:
		p = SAFE_MMAP(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		mincore(p, 4 * PG, vec);
		TST_EXP_EXPR((vec[0] & 1) && (vec[3] & 1), "MAP_POPULATE pages resident before use");
		SAFE_MUNMAP(p, 4 * PG);
		break;
	case 3:
		p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
		TST_EXP_EXPR(p != MAP_FAILED, "mmap(MAP_GROWSDOWN)");
		if (p != MAP_FAILED) {
			p[4 * PG - 1] = 'g';
			p[0] = 'h';
			TST_EXP_EXPR(p[4 * PG - 1] == 'g' && p[0] == 'h', "MAP_GROWSDOWN region usable");
			SAFE_MUNMAP(p, 4 * PG);
		}
		break;
	case 4:
		TEST((long)mmap(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EINVAL,
			     "mmap() without MAP_SHARED/MAP_PRIVATE: EINVAL (%s)", tst_strerrno(TST_ERR));
		TEST((long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, -1, 0));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == EBADF,
			     "file mmap() of fd -1: EBADF (%s)", tst_strerrno(TST_ERR));
		fd = SAFE_OPEN(".", O_RDONLY | O_DIRECTORY);
		TEST((long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0));
		TST_EXP_EXPR((void *)TST_RET == MAP_FAILED && TST_ERR == ENODEV,
			     "mmap() of a directory: ENODEV (%s)", tst_strerrno(TST_ERR));
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
