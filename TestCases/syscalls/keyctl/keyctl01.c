/* Kernel keys: add_key() of a "user" key into the process keyring returns a
 * serial that request_key() finds again and keyctl(KEYCTL_READ) reads back;
 * updating replaces the payload; a revoked key reads EKEYREVOKED. Errors:
 * ENODEV (unknown key type), EINVAL (empty description), ENOKEY (missing key,
 * bad serial), EOPNOTSUPP (unknown keyctl command), EFAULT.
 * SYSCALLS: add_key request_key keyctl */
#include <linux/keyctl.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#define DESC "ferry:keyctl01"

static long add_key(const char *type, const char *desc, const void *p, size_t len, int ring)
{
	return syscall(__NR_add_key, type, desc, p, len, ring);
}

static void run(unsigned int n)
{
	char buf[64];
	long key;

	switch (n) {
	case 0:
		TST_EXP_POSITIVE(tst_syscall(__NR_add_key, "user", DESC, "payload1", 8,
					     KEY_SPEC_PROCESS_KEYRING), "add_key(user)");
		if (!TST_PASS)
			return;
		key = TST_RET;
		TST_EXP_VAL(syscall(__NR_request_key, "user", DESC, NULL, KEY_SPEC_PROCESS_KEYRING),
			    key, "request_key() finds the key just added");
		memset(buf, 0, sizeof(buf));
		TST_EXP_VAL(syscall(__NR_keyctl, KEYCTL_READ, key, buf, sizeof(buf)), 8,
			    "keyctl(KEYCTL_READ)");
		TST_EXP_EQ_STR(buf, "payload1");
		TST_EXP_VAL(add_key("user", DESC, "second", 6, KEY_SPEC_PROCESS_KEYRING), key,
			    "add_key() of the same description updates the same key");
		memset(buf, 0, sizeof(buf));
		TST_EXP_VAL(syscall(__NR_keyctl, KEYCTL_READ, key, buf, sizeof(buf)), 6,
			    "keyctl(KEYCTL_READ) after the update");
		TST_EXP_EQ_STR(buf, "second");
		TST_EXP_VAL(syscall(__NR_keyctl, KEYCTL_READ, key, NULL, 0), 6,
			    "keyctl(KEYCTL_READ) with no buffer gives the size");
		TST_EXP_PASS(syscall(__NR_keyctl, KEYCTL_REVOKE, key), "keyctl(KEYCTL_REVOKE)");
		TST_EXP_FAIL(syscall(__NR_keyctl, KEYCTL_READ, key, buf, sizeof(buf)), EKEYREVOKED,
			     "keyctl(KEYCTL_READ) of a revoked key");
		break;
	case 1:
		TST_EXP_FAIL(add_key("ferry_no_such_type", DESC, "x", 1, KEY_SPEC_PROCESS_KEYRING),
			     ENODEV, "add_key() of an unknown type");
		TST_EXP_FAIL(add_key("user", "", "x", 1, KEY_SPEC_PROCESS_KEYRING), EINVAL,
			     "add_key() with an empty description");
		TST_EXP_FAIL(add_key("user", tst_get_bad_addr(NULL), "x", 1,
				     KEY_SPEC_PROCESS_KEYRING), EFAULT,
			     "add_key() with an unmapped description");
		TST_EXP_FAIL(syscall(__NR_request_key, "user", "ferry:missing", NULL,
				     KEY_SPEC_PROCESS_KEYRING), ENOKEY,
			     "request_key() of a missing key without callout");
		TST_EXP_FAIL(syscall(__NR_keyctl, KEYCTL_READ, 0x7ffffff0, buf, sizeof(buf)), ENOKEY,
			     "keyctl(KEYCTL_READ) of a bad serial");
		TST_EXP_FAIL(syscall(__NR_keyctl, 9999, 0, 0, 0, 0), EOPNOTSUPP,
			     "keyctl() with an unknown command");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
