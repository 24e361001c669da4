/* semop()/semtimedop(): increments and decrements apply atomically across
 * several semaphores; IPC_NOWAIT on a would-block decrement is EAGAIN and
 * changes nothing; a wait-for-zero blocks until a child decrements;
 * semtimedop with a short timeout fails EAGAIN; SEM_UNDO is rolled back at
 * process exit; E2BIG for more than SEMOPM operations, EFBIG for a
 * semaphore number past the set, EINVAL for a removed set and for id -1,
 * ERANGE for a value past SEMVMX.
 * SYSCALLS: semop semtimedop semget semctl clone wait4 exit_group futex */
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include "tst_test.h"

/* glibc's semop() is semtimedop(..., NULL); the raw call reaches semop. */
static long raw_semop(int semid, struct sembuf *sops, size_t nsops)
{
	return syscall(__NR_semop, semid, sops, nsops);
}

static int id = -1;

static void setup(void)
{
	id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
	if (id < 0)
		tst_brk(TCONF | TERRNO, "semget()");
}

static void cleanup(void)
{
	if (id >= 0)
		semctl(id, 0, IPC_RMID);
}

static void run(unsigned int n)
{
	struct sembuf ops[3], big[600];
	struct timespec ts = { 0, 20000000 };
	int status, tmp;
	pid_t pid;

	memset(ops, 0, sizeof(ops));
	for (int i = 0; i < 3; i++)
		semctl(id, i, SETVAL, 0);
	switch (n) {
	case 0:
		ops[0] = (struct sembuf){ 0, 3, 0 };
		ops[1] = (struct sembuf){ 2, 5, 0 };
		TST_EXP_PASS(raw_semop(id, ops, 2), "semop() +3 on #0, +5 on #2");
		TST_EXP_EXPR(semctl(id, 0, GETVAL) == 3 && semctl(id, 2, GETVAL) == 5, "values 3 and 5");
		ops[0] = (struct sembuf){ 0, -1, IPC_NOWAIT };
		ops[1] = (struct sembuf){ 1, -1, IPC_NOWAIT };
		TST_EXP_FAIL(raw_semop(id, ops, 2), EAGAIN, "all-or-nothing: #1 would block");
		TST_EXP_EQ_LI(semctl(id, 0, GETVAL), 3);
		break;
	case 1:
		semctl(id, 1, SETVAL, 1);
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			struct sembuf dec = { 1, -1, 0 };
			_exit(semop(id, &dec, 1) ? 1 : 0);
		}
		ops[0] = (struct sembuf){ 1, 0, 0 };
		TST_CHECKPOINT_WAKE(0);
		TST_EXP_PASS(semop(id, ops, 1), "wait-for-zero returns once the child decrements");
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EQ_LI(semctl(id, 1, GETVAL), 0);
		break;
	case 2:
		ops[0] = (struct sembuf){ 0, -1, 0 };
		TST_EXP_FAIL(semtimedop(id, ops, 1, &ts), EAGAIN, "semtimedop() 20 ms timeout");
		ops[0] = (struct sembuf){ 0, 2, 0 };
		TST_EXP_PASS(semtimedop(id, ops, 1, &ts), "semtimedop() that need not wait");
		TST_EXP_EQ_LI(semctl(id, 0, GETVAL), 2);
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			struct sembuf up = { 2, 4, SEM_UNDO };
			_exit(semop(id, &up, 1) ? 1 : 0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EQ_LI(semctl(id, 2, GETVAL), 0);
		break;
	case 4:
		for (int i = 0; i < 600; i++)
			big[i] = (struct sembuf){ 0, 1, 0 };
		TST_EXP_FAIL(raw_semop(id, big, 600), E2BIG, "600 operations");
		ops[0] = (struct sembuf){ 7, 1, 0 };
		TST_EXP_FAIL(raw_semop(id, ops, 1), EFBIG, "semaphore number 7 of 3");
		ops[0] = (struct sembuf){ 0, 32767, 0 };
		semop(id, ops, 1);
		ops[0] = (struct sembuf){ 0, 2, 0 };
		TST_EXP_FAIL(semop(id, ops, 1), ERANGE, "value past SEMVMX 32767");
		tmp = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
		semctl(tmp, 0, IPC_RMID);
		ops[0] = (struct sembuf){ 0, 1, 0 };
		TST_EXP_FAIL(semop(tmp, ops, 1), EINVAL, "removed set");
		TST_EXP_FAIL(semop(-1, ops, 1), EINVAL, "id -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
