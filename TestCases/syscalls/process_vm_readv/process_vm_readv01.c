/* process_vm_readv()/process_vm_writev(): read a child's buffer into two
 * local iovecs and write a reply into another child buffer, the child
 * verifying it; the self pid works too; EINVAL for non-zero flags, ESRCH
 * for a missing pid, EFAULT for a remote address that is not mapped.
 * SYSCALLS: process_vm_readv process_vm_writev getpid clone wait4 exit_group futex */
#include <sys/uio.h>
#include <sys/mman.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static char src[16] = "remote-data!";
static char dst[16];

static void setup(void)
{
	struct iovec l = { dst, 1 }, r = { src, 1 };

	tst_syscall(__NR_process_vm_readv, getpid(), &l, 1, &r, 1, 0);
}

static void run(unsigned int n)
{
	char a[6] = {0}, b[7] = {0};
	struct iovec local[2] = { { a, 6 }, { b, 6 } };
	struct iovec remote = { src, 12 };
	struct iovec out = { (void *)"REPLY", 6 };
	struct iovec rdst = { dst, 6 };
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAKE_AND_WAIT(0);
			_exit(!strcmp(dst, "REPLY") ? 0 : 1);
		}
		TST_CHECKPOINT_WAIT(0);
		TST_EXP_VAL(process_vm_readv(pid, local, 2, &remote, 1, 0), 12,
			    "process_vm_readv() of 12 bytes into 2 iovecs");
		TST_EXP_EXPR(!memcmp(a, "remote", 6) && !memcmp(b, "-data!", 6), "data split across iovecs");
		TST_EXP_VAL(process_vm_writev(pid, &out, 1, &rdst, 1, 0), 6, "process_vm_writev() of 6 bytes");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "child found the reply in its buffer");
		break;
	case 1:
		TST_EXP_VAL(process_vm_readv(getpid(), local, 1, &remote, 1, 0), 6, "process_vm_readv(self)");
		TST_EXP_FAIL(process_vm_readv(getpid(), local, 1, &remote, 1, 1), EINVAL, "flags 1");
		TST_EXP_FAIL(process_vm_readv(0x3ffffff0, local, 1, &remote, 1, 0), ESRCH, "missing pid");
		remote.iov_base = tst_get_bad_addr(NULL);
		TST_EXP_FAIL(process_vm_readv(getpid(), local, 1, &remote, 1, 0), EFAULT, "unmapped remote address");
		TST_EXP_FAIL(process_vm_writev(getpid(), &out, 1, &rdst, 1, 1), EINVAL, "process_vm_writev() flags 1");
		TST_EXP_FAIL(process_vm_writev(0x3ffffff0, &out, 1, &rdst, 1, 0), ESRCH,
			     "process_vm_writev() to a missing pid");
		rdst.iov_base = tst_get_bad_addr(NULL);
		TST_EXP_FAIL(process_vm_writev(getpid(), &out, 1, &rdst, 1, 0), EFAULT,
			     "process_vm_writev() to an unmapped remote address");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
