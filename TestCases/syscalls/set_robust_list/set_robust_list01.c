/* set_robust_list()/get_robust_list(): a registered head is read back for
 * the caller (pid 0 and own tid); when a thread dies holding a robust
 * futex listed there, the kernel sets FUTEX_OWNER_DIED in the word; EINVAL
 * for a wrong head size, ESRCH for a missing pid, EFAULT for unmapped
 * out-pointers.
 * SYSCALLS: set_robust_list get_robust_list gettid clone exit rt_sigprocmask */
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

struct lock {
	struct robust_list list;
	int futex;
};

static struct robust_list_head head;
static struct lock lk;

static void *dier(void *arg)
{
	static struct robust_list_head th;

	lk.futex = syscall(__NR_gettid);
	th.list.next = &lk.list;
	lk.list.next = &th.list;
	th.futex_offset = offsetof(struct lock, futex) - offsetof(struct lock, list);
	th.list_op_pending = NULL;
	syscall(__NR_set_robust_list, &th, sizeof(th));
	/* Exit owning the lock: the kernel marks it FUTEX_OWNER_DIED. */
	syscall(__NR_exit, 0);
	return NULL;
}

static void setup(void)
{
	struct robust_list_head *h;
	size_t l;

	tst_syscall(__NR_get_robust_list, 0, &h, &l);
}

static void run(unsigned int n)
{
	struct robust_list_head *got = NULL, *saved = NULL;
	size_t len = 0, savedlen = 0;
	pthread_attr_t attr;
	pthread_t th;
	int i;

	switch (n) {
	case 0:
		syscall(__NR_get_robust_list, 0, &saved, &savedlen);
		head.list.next = &head.list;
		head.futex_offset = 0;
		TST_EXP_PASS(syscall(__NR_set_robust_list, &head, sizeof(head)), "set_robust_list()");
		TST_EXP_PASS(syscall(__NR_get_robust_list, 0, &got, &len), "get_robust_list(0)");
		TST_EXP_EXPR(got == &head && len == sizeof(head), "head and size read back");
		got = NULL;
		TST_EXP_PASS(syscall(__NR_get_robust_list, syscall(__NR_gettid), &got, &len),
			     "get_robust_list(own tid)");
		TST_EXP_EXPR(got == &head, "same head via own tid");
		/* Give glibc its own list back. */
		syscall(__NR_set_robust_list, saved, savedlen);
		break;
	case 1:
		lk.futex = 0;
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		pthread_create(&th, &attr, dier, NULL);
		for (i = 0; i < 500 && !(__atomic_load_n(&lk.futex, __ATOMIC_SEQ_CST) & FUTEX_OWNER_DIED); i++)
			usleep(10000);
		TST_EXP_EXPR(lk.futex & FUTEX_OWNER_DIED, "FUTEX_OWNER_DIED set after the owner died (0x%x)",
			     lk.futex);
		break;
	case 2:
		TST_EXP_FAIL(syscall(__NR_set_robust_list, &head, sizeof(head) + 1), EINVAL,
			     "set_robust_list() with a wrong size");
		TST_EXP_FAIL(syscall(__NR_get_robust_list, 0x3ffffff0, &got, &len), ESRCH,
			     "get_robust_list() of a missing pid");
		TST_EXP_FAIL(syscall(__NR_get_robust_list, 0, tst_get_bad_addr(NULL), &len), EFAULT,
			     "get_robust_list() into an unmapped head pointer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
