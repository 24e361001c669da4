/* shmget(): IPC_PRIVATE creates distinct segments; a key with IPC_CREAT
 * returns the same id on a second call and IPC_CREAT|IPC_EXCL then fails
 * EEXIST; ENOENT for a missing key without IPC_CREAT; EINVAL for size 0 and
 * for asking an existing segment for more than its size; EACCES for an
 * unprivileged user on a 0600 segment.
 * SYSCALLS: shmget shmctl setuid clone wait4 exit_group geteuid */
#include <sys/ipc.h>
#include <sys/shm.h>
#include "tst_test.h"

#define KEY 0x4665e001

static void run(unsigned int n)
{
	int a, b, status;
	pid_t pid;

	switch (n) {
	case 0:
		a = TST_EXP_FD(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600), "shmget(IPC_PRIVATE)");
		b = TST_EXP_FD(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600), "second shmget(IPC_PRIVATE)");
		TST_EXP_EXPR(a != b, "IPC_PRIVATE ids differ");
		shmctl(a, IPC_RMID, NULL);
		shmctl(b, IPC_RMID, NULL);
		break;
	case 1:
		shmctl(shmget(KEY, 0, 0), IPC_RMID, NULL);
		a = TST_EXP_FD(shmget(KEY, 8192, IPC_CREAT | 0600), "shmget(key, IPC_CREAT)");
		TST_EXP_VAL(shmget(KEY, 4096, IPC_CREAT | 0600), a, "same key gives the same id");
		TST_EXP_FAIL2(shmget(KEY, 4096, IPC_CREAT | IPC_EXCL | 0600), EEXIST, "IPC_EXCL on an existing key");
		TST_EXP_FAIL2(shmget(KEY, 16384, 0600), EINVAL, "size larger than the segment");
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL2(shmget(KEY, 0, 0600), EACCES, "unprivileged access to a 0600 segment");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		shmctl(a, IPC_RMID, NULL);
		TST_EXP_FAIL2(shmget(KEY, 0, 0), ENOENT, "removed key without IPC_CREAT");
		break;
	case 2:
		TST_EXP_FAIL2(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL, "shmget() of size 0");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
