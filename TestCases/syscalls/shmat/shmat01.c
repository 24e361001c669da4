/* shmat()/shmdt(): an attached segment is zeroed, shared with a forked
 * child and with a second attachment in the same process; SHM_RDONLY
 * makes writes fault; SHM_RND rounds an unaligned address down; after
 * shmdt the address is unmapped and a second shmdt is EINVAL; EINVAL for
 * an unaligned address without SHM_RND and for a removed id.
 * SYSCALLS: shmat shmdt shmget shmctl mincore clone wait4 exit_group */
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/mman.h>
#include "tst_test.h"

static int id = -1;

static void setup(void)
{
	id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	if (id < 0)
		tst_brk(TCONF | TERRNO, "shmget()");
}

static void cleanup(void)
{
	if (id >= 0)
		shmctl(id, IPC_RMID, NULL);
}

static void run(unsigned int n)
{
	char *p, *q;
	unsigned char vec;
	int status, tmp;
	pid_t pid;

	switch (n) {
	case 0:
		p = shmat(id, NULL, 0);
		TST_EXP_EXPR(p != (void *)-1, "shmat()");
		TST_EXP_EXPR(p[0] == 0 && p[8191] == 0, "segment starts zeroed");
		q = shmat(id, NULL, 0);
		p[100] = 'x';
		TST_EXP_EXPR(q != p && q[100] == 'x', "second attachment sees the write");
		pid = SAFE_FORK();
		if (!pid) {
			p[200] = 'c';
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(q[200] == 'c', "child's write is shared");
		TST_EXP_PASS(shmdt(q), "shmdt()");
		TST_EXP_FAIL(mincore(q, 4096, &vec), ENOMEM, "address unmapped after shmdt");
		TST_EXP_FAIL(shmdt(q), EINVAL, "shmdt() twice");
		shmdt(p);
		break;
	case 1:
		p = shmat(id, NULL, SHM_RDONLY);
		pid = SAFE_FORK();
		if (!pid) {
			signal(SIGSEGV, SIG_DFL);
			p[0] = 1;
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "write to SHM_RDONLY faults");
		shmdt(p);
		break;
	case 2:
		p = shmat(id, NULL, 0);
		shmdt(p);
		q = shmat(id, p + 100, SHM_RND);
		TST_EXP_EXPR(q == (char *)((uintptr_t)(p + 100) & ~(uintptr_t)(SHMLBA - 1)),
			     "SHM_RND rounded down to %p", q);
		if (q != (void *)-1)
			shmdt(q);
		TEST((long)shmat(id, p + 100, 0));
		TST_EXP_EXPR(TST_RET == -1 && TST_ERR == EINVAL, "unaligned address without SHM_RND: EINVAL");
		tmp = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
		shmctl(tmp, IPC_RMID, NULL);
		TEST((long)shmat(tmp, NULL, 0));
		TST_EXP_EXPR(TST_RET == -1 && TST_ERR == EINVAL, "shmat() of a removed id: EINVAL");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
};
