/* semctl(): SETVAL/GETVAL, SETALL/GETALL round-trip; GETPID names the last
 * semop caller, GETNCNT counts a blocked waiter; IPC_STAT reports nsems and
 * mode, IPC_SET changes the mode; IPC_INFO/SEM_INFO work; ERANGE for
 * SETVAL 40000, EINVAL for an unknown command and a removed set, EFAULT
 * for an unmapped IPC_STAT buffer.
 * SYSCALLS: semctl semget clone wait4 exit_group read semtimedop */
#include <sys/ipc.h>
#include <sys/sem.h>
#include "tst_test.h"

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *info;
};

static void run(unsigned int n)
{
	unsigned short vals[3] = { 4, 5, 6 }, got[3] = {0};
	struct semid_ds ds;
	struct seminfo si;
	struct sembuf op = { 0, -1, 0 };
	union semun u;
	int id, status;
	pid_t pid;

	id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0640);
	if (id < 0)
		tst_brk(TBROK | TERRNO, "semget()");
	switch (n) {
	case 0:
		TST_EXP_PASS(semctl(id, 1, SETVAL, (union semun){ .val = 9 }), "SETVAL 9");
		TST_EXP_VAL(semctl(id, 1, GETVAL), 9, "GETVAL");
		u.array = vals;
		TST_EXP_PASS(semctl(id, 0, SETALL, u), "SETALL 4 5 6");
		u.array = got;
		TST_EXP_PASS(semctl(id, 0, GETALL, u), "GETALL");
		TST_EXP_EXPR(got[0] == 4 && got[1] == 5 && got[2] == 6, "4 5 6 read back");
		op = (struct sembuf){ 2, 1, 0 };
		semop(id, &op, 1);
		TST_EXP_VAL(semctl(id, 2, GETPID), getpid(), "GETPID names the last semop caller");
		break;
	case 1:
		semctl(id, 0, SETVAL, (union semun){ .val = 0 });
		pid = SAFE_FORK();
		if (!pid) {
			op = (struct sembuf){ 0, -1, 0 };
			_exit(semop(id, &op, 1) ? 1 : 0);
		}
		TST_PROCESS_STATE_WAIT(pid, 'S', 0);
		TST_EXP_VAL(semctl(id, 0, GETNCNT), 1, "GETNCNT counts the blocked child");
		semctl(id, 0, SETVAL, (union semun){ .val = 1 });
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "SETVAL released the waiter");
		break;
	case 2:
		u.buf = &ds;
		TST_EXP_PASS(semctl(id, 0, IPC_STAT, u), "IPC_STAT");
		TST_EXP_EXPR(ds.sem_nsems == 3 && (ds.sem_perm.mode & 0777) == 0640, "nsems 3 mode 0640");
		ds.sem_perm.mode = 0600;
		TST_EXP_PASS(semctl(id, 0, IPC_SET, u), "IPC_SET mode 0600");
		semctl(id, 0, IPC_STAT, u);
		TST_EXP_EQ_LI(ds.sem_perm.mode & 0777, 0600);
		u.info = &si;
		TST_EXP_POSITIVE(semctl(0, 0, IPC_INFO, u), "IPC_INFO");
		TST_EXP_EXPR(si.semmsl > 0 && si.semopm > 0, "semmsl %d semopm %d", si.semmsl, si.semopm);
		TST_EXP_POSITIVE(semctl(0, 0, SEM_INFO, u), "SEM_INFO");
		break;
	case 3:
		TST_EXP_FAIL(semctl(id, 0, SETVAL, (union semun){ .val = 40000 }), ERANGE, "SETVAL 40000");
		TST_EXP_FAIL(semctl(id, 0, 0x7777), EINVAL, "unknown command");
		TST_EXP_FAIL(semctl(id, 0, IPC_STAT, (union semun){ .buf = tst_get_bad_addr(NULL) }), EFAULT,
			     "IPC_STAT into unmapped memory");
		semctl(id, 0, IPC_RMID);
		TST_EXP_FAIL(semctl(id, 0, GETVAL), EINVAL, "GETVAL on a removed set");
		return;
	}
	semctl(id, 0, IPC_RMID);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
};
