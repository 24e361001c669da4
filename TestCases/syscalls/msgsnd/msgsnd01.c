/* msgsnd()/msgrcv(): messages come back in FIFO order with type 0, by
 * exact type with a positive msgtyp, lowest type <= |msgtyp| with a
 * negative one, and the first of another type with MSG_EXCEPT; MSG_NOERROR
 * truncates, without it a short buffer is E2BIG; IPC_NOWAIT on an empty
 * queue is ENOMSG; a blocked msgrcv is woken by a child's msgsnd;
 * MSG_COPY peeks by index; EINVAL for mtype 0 and a negative size, EIDRM
 * for a blocked receiver when the queue is removed.
 * SYSCALLS: msgsnd msgrcv msgget msgctl clone wait4 exit_group read */
#include <sys/ipc.h>
#include <sys/msg.h>
#include "tst_test.h"

#ifndef MSG_COPY
# define MSG_COPY 040000
#endif

struct m { long type; char text[32]; };

static int q = -1;

static void put(long type, const char *text)
{
	struct m m = { .type = type };

	strcpy(m.text, text);
	if (msgsnd(q, &m, strlen(text) + 1, 0))
		tst_brk(TBROK | TERRNO, "msgsnd()");
}

static void drain(void)
{
	struct m m;

	while (msgrcv(q, &m, sizeof(m.text), 0, IPC_NOWAIT | MSG_NOERROR) >= 0)
		;
}

static void setup(void)
{
	q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (q < 0)
		tst_brk(TCONF | TERRNO, "msgget()");
}

static void cleanup(void)
{
	if (q >= 0)
		msgctl(q, IPC_RMID, NULL);
}

static void run(unsigned int n)
{
	struct m m;
	int status, q2;
	pid_t pid;

	drain();
	memset(&m, 0, sizeof(m));
	switch (n) {
	case 0:
		put(3, "three");
		put(1, "one");
		put(2, "two");
		TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), 0, 0), 6, "msgrcv(type 0) gets the first sent");
		TST_EXP_EXPR(m.type == 3 && !strcmp(m.text, "three"), "FIFO: 'three'");
		TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), 2, 0), 4, "msgrcv(type 2)");
		TST_EXP_EQ_STR(m.text, "two");
		put(5, "five");
		TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), -4, 0), 4, "msgrcv(type -4) lowest <= 4");
		TST_EXP_EQ_LI(m.type, 1);
		TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), 9, MSG_EXCEPT), 5, "MSG_EXCEPT 9 takes type 5");
		TST_EXP_EQ_STR(m.text, "five");
		break;
	case 1:
		put(1, "a long message");
		TST_EXP_FAIL2(msgrcv(q, &m, 4, 0, 0), E2BIG, "msgrcv() into 4 bytes");
		TST_EXP_VAL(msgrcv(q, &m, 4, 0, MSG_NOERROR), 4, "MSG_NOERROR truncates to 4");
		TST_EXP_EXPR(!memcmp(m.text, "a lo", 4), "first 4 bytes kept");
		TST_EXP_FAIL2(msgrcv(q, &m, sizeof(m.text), 0, IPC_NOWAIT), ENOMSG, "IPC_NOWAIT on an empty queue");
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			TST_PROCESS_STATE_WAIT(getppid(), 'S', 0);
			put(7, "late");
			_exit(0);
		}
		TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), 7, 0), 5, "blocked msgrcv woken by a child's msgsnd");
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 3:
		put(1, "first");
		put(1, "second");
		TEST(msgrcv(q, &m, sizeof(m.text), 1, MSG_COPY | IPC_NOWAIT));
		if (TST_RET == -1 && TST_ERR == ENOSYS) {
			tst_res(TCONF, "MSG_COPY needs CONFIG_CHECKPOINT_RESTORE");
		} else {
			TST_EXP_EXPR(TST_RET == 7 && !strcmp(m.text, "second"), "MSG_COPY index 1 peeks 'second'");
			TST_EXP_VAL(msgrcv(q, &m, sizeof(m.text), 0, IPC_NOWAIT), 6, "queue unchanged after the peek");
		}
		break;
	case 4:
		m.type = 0;
		TST_EXP_FAIL(msgsnd(q, &m, 4, 0), EINVAL, "msgsnd() mtype 0");
		m.type = 1;
		TST_EXP_FAIL(msgsnd(q, &m, -1, 0), EINVAL, "msgsnd() size -1");
		q2 = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
		pid = SAFE_FORK();
		if (!pid) {
			TST_PROCESS_STATE_WAIT(getppid(), 'S', 0);
			msgctl(q2, IPC_RMID, NULL);
			_exit(0);
		}
		TST_EXP_FAIL2(msgrcv(q2, &m, sizeof(m.text), 0, 0), EIDRM, "blocked msgrcv when the queue is removed");
		SAFE_WAITPID(pid, &status, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
};
