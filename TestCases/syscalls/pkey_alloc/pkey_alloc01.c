/* pkey_alloc()/pkey_mprotect()/pkey_free(): where the CPU has protection
 * keys, a key is allocated, attached to a mapping, and freed; freeing it
 * twice is EINVAL; EINVAL for unknown flags and for bad access rights. On
 * machines without keys pkey_alloc fails ENOSPC/EINVAL and the rest is
 * TCONF, after what works without keys: pkey_mprotect() with key -1 is a
 * plain mprotect(), a key never allocated is EINVAL for pkey_mprotect() and
 * pkey_free().
 * SYSCALLS: pkey_alloc pkey_mprotect pkey_free mmap munmap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#define PG 4096

static void run(unsigned int n)
{
	long key;
	char *p;

	TEST(tst_syscall(__NR_pkey_alloc, 0, 0));
	if (TST_RET < 0) {
		TST_EXP_FAIL(syscall(__NR_pkey_alloc, 0x100, 0), EINVAL, "pkey_alloc() flags 0x100");
		p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_PASS(syscall(__NR_pkey_mprotect, p, PG, PROT_READ, -1), "pkey_mprotect() with key -1");
		TST_EXP_FAIL(syscall(__NR_pkey_mprotect, p, PG, PROT_READ, 999), EINVAL, "pkey_mprotect() key 999");
		TST_EXP_FAIL(syscall(__NR_pkey_free, 999), EINVAL, "pkey_free() of key 999");
		SAFE_MUNMAP(p, PG);
		tst_res(TCONF, "no protection keys on this machine (%s)", tst_strerrno(TST_ERR));
		return;
	}
	key = TST_RET;
	p = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	switch (n) {
	case 0:
		TST_EXP_EXPR(key > 0, "pkey_alloc() gave key %ld", key);
		TST_EXP_PASS(syscall(__NR_pkey_mprotect, p, PG, PROT_READ | PROT_WRITE, key), "pkey_mprotect()");
		p[0] = 1;
		TST_EXP_PASS(syscall(__NR_pkey_mprotect, p, PG, PROT_READ | PROT_WRITE, 0), "back to key 0");
		TST_EXP_PASS(syscall(__NR_pkey_free, key), "pkey_free()");
		TST_EXP_FAIL(syscall(__NR_pkey_free, key), EINVAL, "pkey_free() twice");
		break;
	case 1:
		TST_EXP_FAIL(syscall(__NR_pkey_alloc, 0x100, 0), EINVAL, "pkey_alloc() flags 0x100");
		TST_EXP_FAIL(syscall(__NR_pkey_alloc, 0, 0x100), EINVAL, "pkey_alloc() access rights 0x100");
		TST_EXP_FAIL(syscall(__NR_pkey_mprotect, p, PG, PROT_READ, 999), EINVAL, "pkey_mprotect() key 999");
		syscall(__NR_pkey_free, key);
		break;
	}
	SAFE_MUNMAP(p, PG);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
