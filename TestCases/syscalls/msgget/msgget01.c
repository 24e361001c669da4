/* msgget(): IPC_PRIVATE creates distinct queues; a key with IPC_CREAT
 * returns the same id again and IPC_CREAT|IPC_EXCL fails EEXIST; ENOENT for
 * a missing key; EACCES for an unprivileged user on a 0600 queue.
 * SYSCALLS: msgget msgctl setuid clone wait4 exit_group geteuid */
#include <sys/ipc.h>
#include <sys/msg.h>
#include "tst_test.h"

#define KEY 0x4665e003

static void run(unsigned int n)
{
	int a, b, status;
	pid_t pid;

	switch (n) {
	case 0:
		a = TST_EXP_FD(msgget(IPC_PRIVATE, IPC_CREAT | 0600), "msgget(IPC_PRIVATE)");
		b = TST_EXP_FD(msgget(IPC_PRIVATE, IPC_CREAT | 0600), "second msgget(IPC_PRIVATE)");
		TST_EXP_EXPR(a != b, "ids differ");
		msgctl(a, IPC_RMID, NULL);
		msgctl(b, IPC_RMID, NULL);
		break;
	case 1:
		msgctl(msgget(KEY, 0), IPC_RMID, NULL);
		a = TST_EXP_FD(msgget(KEY, IPC_CREAT | 0600), "msgget(key, IPC_CREAT)");
		TST_EXP_VAL(msgget(KEY, 0), a, "same key, same id");
		TST_EXP_FAIL2(msgget(KEY, IPC_CREAT | IPC_EXCL | 0600), EEXIST, "IPC_EXCL on an existing key");
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL2(msgget(KEY, 0600), EACCES, "unprivileged access to a 0600 queue");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		msgctl(a, IPC_RMID, NULL);
		TST_EXP_FAIL2(msgget(KEY, 0), ENOENT, "removed key without IPC_CREAT");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
