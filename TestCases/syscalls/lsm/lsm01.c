/* The LSM syscalls (Linux 6.8): lsm_list_modules() fills ids and the size
 * they take, E2BIG with the needed size when the buffer is short;
 * lsm_get_self_attr(LSM_ATTR_CURRENT) answers with the count of contexts or
 * an error as the active modules decide; lsm_set_self_attr() rejects a bogus
 * context. Errors: EINVAL (flags), EOPNOTSUPP (unknown attribute), E2BIG, EFAULT.
 * SYSCALLS: lsm_list_modules lsm_get_self_attr lsm_set_self_attr */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_lsm_get_self_attr
# define __NR_lsm_get_self_attr 459
#endif
#ifndef __NR_lsm_set_self_attr
# define __NR_lsm_set_self_attr 460
#endif
#ifndef __NR_lsm_list_modules
# define __NR_lsm_list_modules 461
#endif
#define F_LSM_ATTR_CURRENT 100
#define F_LSM_ID_CAPABILITY 100

struct f_lsm_ctx {
	uint64_t id, flags, len, ctx_len;
	uint8_t ctx[];
};

static void run(unsigned int n)
{
	uint64_t ids[32];
	uint32_t size;
	long cnt;
	int i, has_cap = 0;
	union { struct f_lsm_ctx c; char raw[512]; } buf;
	static const int set_errs[] = { EOPNOTSUPP, EINVAL };

	switch (n) {
	case 0:
		size = sizeof(ids);
		TST_EXP_POSITIVE(tst_syscall(__NR_lsm_list_modules, ids, &size, 0),
				 "lsm_list_modules()");
		cnt = TST_RET;
		if (cnt <= 0)
			return;
		TST_EXP_EQ_LU(size, cnt * sizeof(uint64_t));
		for (i = 0; i < cnt; i++)
			has_cap |= ids[i] == F_LSM_ID_CAPABILITY;
		TST_EXP_EXPR(has_cap, "the capability module (id 100) is listed");
		size = sizeof(uint64_t) * (cnt - 1);
		TST_EXP_FAIL(syscall(__NR_lsm_list_modules, ids, &size, 0), E2BIG,
			     "lsm_list_modules() into a buffer one id short");
		TST_EXP_EQ_LU(size, cnt * sizeof(uint64_t));
		size = sizeof(ids);
		TST_EXP_FAIL(syscall(__NR_lsm_list_modules, ids, &size, 1), EINVAL,
			     "lsm_list_modules() with a flag");
		TST_EXP_FAIL(syscall(__NR_lsm_list_modules, ids, tst_get_bad_addr(NULL), 0), EFAULT,
			     "lsm_list_modules() with an unmapped size");
		break;
	case 1:
		/* How many modules give a "current" context depends on the machine:
		 * the oracle is the native run (>= 0 contexts, or EOPNOTSUPP). */
		size = sizeof(buf);
		errno = 0;
		cnt = tst_syscall(__NR_lsm_get_self_attr, F_LSM_ATTR_CURRENT, &buf, &size, 0);
		if (cnt >= 0)
			tst_res(TPASS, "lsm_get_self_attr(LSM_ATTR_CURRENT) gave %ld contexts", cnt);
		else if (errno == EOPNOTSUPP)
			tst_res(TPASS, "lsm_get_self_attr(LSM_ATTR_CURRENT): no module has one: EOPNOTSUPP");
		else
			tst_res(TFAIL | TERRNO, "lsm_get_self_attr(LSM_ATTR_CURRENT)");
		size = sizeof(buf);
		TST_EXP_FAIL(syscall(__NR_lsm_get_self_attr, F_LSM_ATTR_CURRENT, &buf, &size, 0x80),
			     EINVAL, "lsm_get_self_attr() with an unknown flag");
		TST_EXP_FAIL(syscall(__NR_lsm_get_self_attr, 9999, &buf, &size, 0), EOPNOTSUPP,
			     "lsm_get_self_attr() of an unknown attribute");
		memset(&buf, 0, sizeof(buf));
		buf.c.id = F_LSM_ID_CAPABILITY;
		buf.c.len = sizeof(buf.c) + 4;
		buf.c.ctx_len = 4;
		memcpy(buf.c.ctx, "bad", 4);
		/* EOPNOTSUPP when no module sets "current" (as here), EINVAL when one
		 * does but not for the capability module's id. */
		TST_EXP_FAIL_ARR(syscall(__NR_lsm_set_self_attr, F_LSM_ATTR_CURRENT, &buf,
					 buf.c.len, 0), set_errs,
				 "lsm_set_self_attr() for the capability module");
		TST_EXP_FAIL(syscall(__NR_lsm_set_self_attr, F_LSM_ATTR_CURRENT, &buf, buf.c.len, 1),
			     EINVAL, "lsm_set_self_attr() with a flag");
		TST_EXP_FAIL(syscall(__NR_lsm_set_self_attr, F_LSM_ATTR_CURRENT,
				     tst_get_bad_addr(NULL), 64, 0), EFAULT,
			     "lsm_set_self_attr() of an unmapped context");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
