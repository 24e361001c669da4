/* syslog() (klogctl): SYSLOG_ACTION_SIZE_BUFFER returns the kernel log
 * buffer size (positive, a power of two), SIZE_UNREAD a count that is not
 * negative (it counts the text as READ would format it, with the "<6>[ time]"
 * prefixes, so on a full log it can exceed the buffer size); READ_ALL into a small buffer returns at most that many bytes and
 * into a buffer of the full size no more than the buffer size; EINVAL for an
 * unknown action, a negative length and a NULL buffer, EFAULT for an
 * unmapped buffer when the log is not empty. TCONF when the kernel log is restricted (EPERM).
 * SYSCALLS: syslog geteuid */
#include <sys/klog.h>
#include "tst_test.h"

static void run(void)
{
	static char small[64];
	char *buf;
	int size, unread, have_log;

	size = klogctl(10, NULL, 0);		/* SYSLOG_ACTION_SIZE_BUFFER */
	if (size == -1 && errno == EPERM)
		tst_brk(TCONF, "the kernel log is restricted (EPERM)");
	TST_EXP_EXPR(size > 0 && (size & (size - 1)) == 0, "SIZE_BUFFER %d is a positive power of two", size);
	TEST(klogctl(9, NULL, 0));		/* SYSLOG_ACTION_SIZE_UNREAD */
	unread = TST_RET;
	TST_EXP_EXPR(unread >= 0, "SIZE_UNREAD %d is not negative", unread);

	TEST(klogctl(3, small, sizeof(small)));	/* SYSLOG_ACTION_READ_ALL */
	TST_EXP_EXPR(TST_RET >= 0 && TST_RET <= (long)sizeof(small), "READ_ALL into 64 bytes returned %ld", TST_RET);
	buf = SAFE_MALLOC(size);
	TEST(klogctl(3, buf, size));
	TST_EXP_EXPR(TST_RET >= 0 && TST_RET <= size, "READ_ALL into the full size returned %ld", TST_RET);
	have_log = TST_RET > 0;
	free(buf);
	TST_EXP_PASS(klogctl(3, small, 0), "READ_ALL with length 0");

	TST_EXP_FAIL(klogctl(12345, small, sizeof(small)), EINVAL, "unknown action");
	TST_EXP_FAIL(klogctl(3, small, -1), EINVAL, "READ_ALL with length -1");
	TST_EXP_FAIL(klogctl(3, NULL, 64), EINVAL, "READ_ALL into NULL");
	/* Only whole records are copied: an empty log or a too-small length copies nothing and cannot fault. */
	if (have_log)
		TST_EXP_FAIL(klogctl(3, tst_get_bad_addr(NULL), size), EFAULT, "READ_ALL into an unmapped buffer");
	else
		tst_res(TINFO, "the kernel log is empty: no EFAULT case");
}

static struct tst_test test = {
	.test_all = run,
	.needs_root = 1,
};
