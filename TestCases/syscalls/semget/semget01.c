/* semget(): a private set of 3 semaphores starts at zero; a key with
 * IPC_CREAT returns the same id, IPC_EXCL then EEXIST; asking for more
 * semaphores than the set has is EINVAL, as is nsems 0 on creation and a
 * count above SEMMSL; ENOENT for a missing key; EACCES for an unprivileged
 * user on a 0600 set.
 * SYSCALLS: semget semctl setuid clone wait4 exit_group geteuid */
#include <sys/ipc.h>
#include <sys/sem.h>
#include "tst_test.h"

#define KEY 0x4665e002

static void run(unsigned int n)
{
	int id, status;
	pid_t pid;

	switch (n) {
	case 0:
		id = TST_EXP_FD(semget(IPC_PRIVATE, 3, IPC_CREAT | 0600), "semget(IPC_PRIVATE, 3)");
		TST_EXP_VAL(semctl(id, 2, GETVAL), 0, "semaphore 2 starts at 0");
		semctl(id, 0, IPC_RMID);
		break;
	case 1:
		semctl(semget(KEY, 0, 0), 0, IPC_RMID);
		id = TST_EXP_FD(semget(KEY, 2, IPC_CREAT | 0600), "semget(key, 2, IPC_CREAT)");
		TST_EXP_VAL(semget(KEY, 2, 0), id, "same key, same id");
		TST_EXP_FAIL2(semget(KEY, 2, IPC_CREAT | IPC_EXCL | 0600), EEXIST, "IPC_EXCL on an existing key");
		TST_EXP_FAIL2(semget(KEY, 5, 0), EINVAL, "more semaphores than the set has");
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL2(semget(KEY, 2, 0600), EACCES, "unprivileged access to a 0600 set");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		semctl(id, 0, IPC_RMID);
		TST_EXP_FAIL2(semget(KEY, 2, 0), ENOENT, "missing key without IPC_CREAT");
		break;
	case 2:
		TST_EXP_FAIL2(semget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL, "nsems 0 on creation");
		TST_EXP_FAIL2(semget(IPC_PRIVATE, 100000, IPC_CREAT | 0600), EINVAL, "nsems 100000");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
