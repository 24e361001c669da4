/* msgctl(): IPC_STAT counts messages and bytes and records the last
 * sender; IPC_SET lowers msg_qbytes (a larger send then fails EAGAIN with
 * IPC_NOWAIT) and changes the mode; raising msg_qbytes past MSGMNB as an
 * unprivileged owner is EPERM; IPC_INFO/MSG_INFO work; EINVAL for an unknown
 * command and a removed queue, EFAULT for an unmapped buffer.
 * SYSCALLS: msgctl msgget msgsnd setuid clone wait4 exit_group geteuid */
#include <sys/ipc.h>
#include <sys/msg.h>
#include "tst_test.h"

struct m { long type; char text[64]; };

static void run(unsigned int n)
{
	struct msqid_ds ds;
	struct msginfo mi;
	struct m m = { .type = 1 };
	int q, status;
	pid_t pid;

	q = msgget(IPC_PRIVATE, IPC_CREAT | 0640);
	if (q < 0)
		tst_brk(TBROK | TERRNO, "msgget()");
	switch (n) {
	case 0:
		msgsnd(q, &m, 10, 0);
		msgsnd(q, &m, 20, 0);
		TST_EXP_PASS(msgctl(q, IPC_STAT, &ds), "IPC_STAT");
		TST_EXP_EXPR(ds.msg_qnum == 2 && ds.msg_cbytes == 30 && ds.msg_lspid == getpid(),
			     "2 messages, 30 bytes, last sender is us");
		TST_EXP_EQ_LI(ds.msg_perm.mode & 0777, 0640);
		ds.msg_qbytes = 40;
		ds.msg_perm.mode = 0600;
		TST_EXP_PASS(msgctl(q, IPC_SET, &ds), "IPC_SET qbytes 40 mode 0600");
		msgctl(q, IPC_STAT, &ds);
		TST_EXP_EXPR(ds.msg_qbytes == 40 && (ds.msg_perm.mode & 0777) == 0600, "read back");
		TST_EXP_FAIL(msgsnd(q, &m, 20, IPC_NOWAIT), EAGAIN, "send past the lowered qbytes");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			msgctl(q, IPC_STAT, &ds);
			ds.msg_perm.uid = 65534;
			msgctl(q, IPC_SET, &ds);
			SAFE_SETUID(65534);
			msgctl(q, IPC_STAT, &ds);
			ds.msg_qbytes = 1 << 30;
			TST_EXP_FAIL(msgctl(q, IPC_SET, &ds), EPERM, "unprivileged owner raising qbytes to 1 GiB");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 2:
		TST_EXP_POSITIVE(msgctl(0, IPC_INFO, (struct msqid_ds *)&mi), "IPC_INFO");
		TST_EXP_EXPR(mi.msgmnb > 0 && mi.msgmax > 0, "msgmnb %d msgmax %d", mi.msgmnb, mi.msgmax);
		TST_EXP_POSITIVE(msgctl(0, MSG_INFO, (struct msqid_ds *)&mi), "MSG_INFO");
		break;
	case 3:
		TST_EXP_FAIL(msgctl(q, 0x7777, &ds), EINVAL, "unknown command");
		TST_EXP_FAIL(msgctl(q, IPC_STAT, tst_get_bad_addr(NULL)), EFAULT, "unmapped buffer");
		msgctl(q, IPC_RMID, NULL);
		TST_EXP_FAIL(msgctl(q, IPC_STAT, &ds), EINVAL, "IPC_STAT of a removed queue");
		return;
	}
	msgctl(q, IPC_RMID, NULL);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
