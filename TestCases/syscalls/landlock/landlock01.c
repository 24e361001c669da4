/* Landlock: landlock_create_ruleset() reports the ABI version and makes a
 * ruleset handling file reads; landlock_add_rule() allows reads beneath one
 * directory; after landlock_restrict_self() (in a child: it restricts the
 * process for good) reads there work and reads elsewhere are EACCES.
 * Errors: EINVAL (unknown flags, short attr, access not handled, bad rule
 * type), ENOMSG (nothing handled), EBADF, EBADFD (not a ruleset).
 * SYSCALLS: landlock_create_ruleset landlock_add_rule landlock_restrict_self prctl utimensat */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_landlock_create_ruleset
# define __NR_landlock_create_ruleset 444
#endif
#ifndef __NR_landlock_add_rule
# define __NR_landlock_add_rule 445
#endif
#ifndef __NR_landlock_restrict_self
# define __NR_landlock_restrict_self 446
#endif
/* From the kernel's uapi landlock.h. */
#define F_LL_CREATE_RULESET_VERSION (1U << 0)
#define F_LL_RULE_PATH_BENEATH 1
#define F_LL_ACCESS_FS_WRITE_FILE (1ULL << 1)
#define F_LL_ACCESS_FS_READ_FILE (1ULL << 2)

struct f_ruleset_attr {
	uint64_t handled_access_fs;
};

struct f_path_beneath_attr {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

static long create(struct f_ruleset_attr *a, size_t size, unsigned int flags)
{
	return syscall(__NR_landlock_create_ruleset, a, size, flags);
}

static void run(unsigned int n)
{
	struct f_ruleset_attr attr = { .handled_access_fs = F_LL_ACCESS_FS_READ_FILE };
	struct f_path_beneath_attr rule = { .allowed_access = F_LL_ACCESS_FS_READ_FILE };
	int rs, fd;

	rs = create(&attr, sizeof(attr), 0);
	if (rs < 0)
		tst_brk(TBROK | TERRNO, "landlock_create_ruleset()");
	rule.parent_fd = SAFE_OPEN("allowed", O_PATH | O_DIRECTORY);
	switch (n) {
	case 0:
		TST_EXP_PASS(syscall(__NR_landlock_add_rule, rs, F_LL_RULE_PATH_BENEATH, &rule, 0),
			     "landlock_add_rule(PATH_BENEATH allowed/, READ_FILE)");
		if (!SAFE_FORK()) {
			TST_EXP_PASS(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
			TST_EXP_PASS(syscall(__NR_landlock_restrict_self, rs, 0),
				     "landlock_restrict_self()");
			TST_EXP_FD(open("allowed/f", O_RDONLY), "reading beneath allowed/");
			TST_EXP_FAIL(open("denied/f", O_RDONLY), EACCES, "reading beneath denied/");
			TST_EXP_FD(open("denied/f", O_WRONLY), "writing is not handled, so allowed");
			exit(0);
		}
		tst_reap_children();
		TST_EXP_FD(open("denied/f", O_RDONLY), "the parent is not restricted");
		if (TST_RET >= 0)
			SAFE_CLOSE(TST_RET);
		break;
	case 1:
		TST_EXP_FAIL(create(&attr, sizeof(attr), 0x80), EINVAL,
			     "landlock_create_ruleset() with an unknown flag");
		TST_EXP_FAIL(create(&attr, 4, 0), EINVAL, "landlock_create_ruleset() with a short attr");
		attr.handled_access_fs = 0;
		TST_EXP_FAIL(create(&attr, sizeof(attr), 0), ENOMSG,
			     "landlock_create_ruleset() handling nothing");
		TST_EXP_FAIL(create(tst_get_bad_addr(NULL), sizeof(attr), 0), EFAULT,
			     "landlock_create_ruleset() of an unmapped attr");
		rule.allowed_access = F_LL_ACCESS_FS_WRITE_FILE;
		TST_EXP_FAIL(syscall(__NR_landlock_add_rule, rs, F_LL_RULE_PATH_BENEATH, &rule, 0),
			     EINVAL, "landlock_add_rule() of an access the ruleset does not handle");
		rule.allowed_access = F_LL_ACCESS_FS_READ_FILE;
		TST_EXP_FAIL(syscall(__NR_landlock_add_rule, rs, 99, &rule, 0), EINVAL,
			     "landlock_add_rule() of an unknown rule type");
		TST_EXP_FAIL(syscall(__NR_landlock_add_rule, rs, F_LL_RULE_PATH_BENEATH, &rule, 1),
			     EINVAL, "landlock_add_rule() with a flag");
		fd = SAFE_OPEN("allowed/f", O_RDONLY);
		TST_EXP_FAIL(syscall(__NR_landlock_add_rule, fd, F_LL_RULE_PATH_BENEATH, &rule, 0),
			     EBADFD, "landlock_add_rule() on a file that is not a ruleset");
		TST_EXP_FAIL(syscall(__NR_landlock_restrict_self, fd, 0), EBADFD,
			     "landlock_restrict_self() of a file that is not a ruleset");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_landlock_add_rule, 999, F_LL_RULE_PATH_BENEATH, &rule, 0),
			     EBADF, "landlock_add_rule() on a closed fd");
		TST_EXP_FAIL(syscall(__NR_landlock_restrict_self, 999, 0), EBADF,
			     "landlock_restrict_self() of a closed fd");
		TST_EXP_FAIL(syscall(__NR_landlock_restrict_self, rs, 0x40000000), EINVAL,
			     "landlock_restrict_self() with an unknown flag");
		break;
	}
	SAFE_CLOSE(rule.parent_fd);
	SAFE_CLOSE(rs);
}

static void setup(void)
{
	long abi;

	errno = 0;
	abi = syscall(__NR_landlock_create_ruleset, NULL, 0, F_LL_CREATE_RULESET_VERSION);
	if (abi < 0 && (errno == ENOSYS || errno == EOPNOTSUPP))
		tst_brk(TCONF | TERRNO, "Landlock is not available");
	if (abi < 1)
		tst_brk(TFAIL | TERRNO, "landlock_create_ruleset(VERSION) returned %ld", abi);
	tst_res(TPASS, "landlock_create_ruleset(VERSION) gave ABI version >= 1");
	SAFE_MKDIR("allowed", 0755);
	SAFE_MKDIR("denied", 0755);
	SAFE_TOUCH("allowed/f", 0644, NULL);
	SAFE_TOUCH("denied/f", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
