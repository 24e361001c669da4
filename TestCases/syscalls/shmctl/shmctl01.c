/* shmctl(): IPC_STAT reports size, mode, creator pid, attach count and
 * last-attach pid; IPC_SET changes the mode and uid; IPC_RMID on an
 * attached segment marks it (SHM_DEST) and it stays usable until detached;
 * IPC_INFO/SHM_INFO return the highest index; EINVAL for an unknown
 * command and a bad id, EFAULT for an unmapped buffer.
 * SYSCALLS: shmctl shmget shmat shmdt getpid */
#include <sys/ipc.h>
#include <sys/shm.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct shmid_ds ds;
	struct shminfo info;
	int id;
	char *p;

	id = shmget(IPC_PRIVATE, 12288, IPC_CREAT | 0640);
	if (id < 0)
		tst_brk(TBROK | TERRNO, "shmget()");
	switch (n) {
	case 0:
		p = shmat(id, NULL, 0);
		TST_EXP_PASS(shmctl(id, IPC_STAT, &ds), "shmctl(IPC_STAT)");
		TST_EXP_EXPR(ds.shm_segsz == 12288 && (ds.shm_perm.mode & 0777) == 0640,
			     "size 12288 mode 0640");
		TST_EXP_EXPR(ds.shm_cpid == getpid() && ds.shm_lpid == getpid() && ds.shm_nattch == 1,
			     "creator/last pid is us, nattch 1");
		ds.shm_perm.mode = 0600;
		ds.shm_perm.uid = 123;
		TST_EXP_PASS(shmctl(id, IPC_SET, &ds), "shmctl(IPC_SET)");
		shmctl(id, IPC_STAT, &ds);
		TST_EXP_EXPR((ds.shm_perm.mode & 0777) == 0600 && ds.shm_perm.uid == 123, "mode and uid changed");
		TST_EXP_PASS(shmctl(id, IPC_RMID, NULL), "shmctl(IPC_RMID) while attached");
		p[0] = 'z';
		TST_EXP_EXPR(p[0] == 'z', "segment still usable");
		TST_EXP_PASS(shmctl(id, IPC_STAT, &ds), "IPC_STAT of a removed but attached segment");
		TST_EXP_EXPR(ds.shm_perm.mode & SHM_DEST, "SHM_DEST set");
		shmdt(p);
		TST_EXP_FAIL(shmctl(id, IPC_STAT, &ds), EINVAL, "IPC_STAT after the last detach");
		return;
	case 1:
		TST_EXP_POSITIVE(shmctl(0, IPC_INFO, (struct shmid_ds *)&info), "shmctl(IPC_INFO)");
		TST_EXP_EXPR(info.shmmax > 0 && info.shmmni > 0, "shmmax %lu shmmni %lu", info.shmmax, info.shmmni);
		TST_EXP_POSITIVE(shmctl(0, SHM_INFO, &ds), "shmctl(SHM_INFO)");
		break;
	case 2:
		TST_EXP_FAIL(shmctl(id, 0x7777, &ds), EINVAL, "unknown command");
		TST_EXP_FAIL(shmctl(-1, IPC_STAT, &ds), EINVAL, "id -1");
		TST_EXP_FAIL(shmctl(id, IPC_STAT, tst_get_bad_addr(NULL)), EFAULT, "unmapped buffer");
		break;
	}
	shmctl(id, IPC_RMID, NULL);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
