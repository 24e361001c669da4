/* bpf(): BPF_MAP_CREATE of an array map (root), BPF_MAP_UPDATE_ELEM and
 * BPF_MAP_LOOKUP_ELEM round-trip a value, BPF_MAP_GET_NEXT_KEY walks the
 * keys. Errors: EINVAL (unknown command, key size other than 4 for an array,
 * a non-BPF fd), EEXIST (BPF_NOEXIST on an array), ENOENT (key past the
 * end), E2BIG (index past max_entries on update), EBADF, EFAULT.
 * SYSCALLS: bpf */
#include <linux/bpf.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static long sys_bpf(int cmd, union bpf_attr *a)
{
	return syscall(__NR_bpf, cmd, a, sizeof(*a));
}

static int map_create(unsigned int key_size)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = key_size;
	a.value_size = sizeof(uint64_t);
	a.max_entries = 4;
	return sys_bpf(BPF_MAP_CREATE, &a);
}

static void elem(union bpf_attr *a, int fd, uint32_t *key, uint64_t *val, uint64_t flags)
{
	memset(a, 0, sizeof(*a));
	a->map_fd = fd;
	a->key = (uintptr_t)key;
	a->value = (uintptr_t)val;
	a->flags = flags;
}

static void run(unsigned int n)
{
	union bpf_attr a;
	uint32_t key = 1, next = 0;
	uint64_t val = 42, got = 0;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_FD(map_create(4), "bpf(BPF_MAP_CREATE, array of 4 u64)");
		fd = TST_RET;
		if (fd < 0)
			return;
		elem(&a, fd, &key, &val, BPF_ANY);
		TST_EXP_PASS(sys_bpf(BPF_MAP_UPDATE_ELEM, &a), "BPF_MAP_UPDATE_ELEM [1] = 42");
		elem(&a, fd, &key, &got, 0);
		TST_EXP_PASS(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), "BPF_MAP_LOOKUP_ELEM [1]");
		TST_EXP_EQ_LU(got, 42);
		key = 2;
		got = 1;
		TST_EXP_PASS(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), "BPF_MAP_LOOKUP_ELEM [2]");
		TST_EXP_EQ_LU(got, 0);
		key = 1;
		elem(&a, fd, &key, NULL, 0);
		a.next_key = (uintptr_t)&next;
		TST_EXP_PASS(sys_bpf(BPF_MAP_GET_NEXT_KEY, &a), "BPF_MAP_GET_NEXT_KEY after 1");
		TST_EXP_EQ_LU(next, 2);
		key = 3;
		TST_EXP_FAIL(sys_bpf(BPF_MAP_GET_NEXT_KEY, &a), ENOENT, "BPF_MAP_GET_NEXT_KEY after the last");
		key = 4;
		elem(&a, fd, &key, &got, 0);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), ENOENT, "BPF_MAP_LOOKUP_ELEM past the end");
		elem(&a, fd, &key, &val, BPF_ANY);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_UPDATE_ELEM, &a), E2BIG, "BPF_MAP_UPDATE_ELEM past the end");
		key = 0;
		elem(&a, fd, &key, &val, BPF_NOEXIST);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_UPDATE_ELEM, &a), EEXIST,
			     "BPF_MAP_UPDATE_ELEM(BPF_NOEXIST) on an array");
		elem(&a, fd, &key, tst_get_bad_addr(NULL), 0);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), EFAULT,
			     "BPF_MAP_LOOKUP_ELEM into an unmapped value");
		SAFE_CLOSE(fd);
		break;
	case 1:
		memset(&a, 0, sizeof(a));
		TST_EXP_FAIL(sys_bpf(9999, &a), EINVAL, "bpf() of an unknown command");
		TST_EXP_FAIL(map_create(8), EINVAL, "BPF_MAP_CREATE of an array with 8-byte keys");
		elem(&a, 999, &key, &got, 0);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), EBADF, "BPF_MAP_LOOKUP_ELEM on a closed fd");
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		elem(&a, fd, &key, &got, 0);
		TST_EXP_FAIL(sys_bpf(BPF_MAP_LOOKUP_ELEM, &a), EINVAL, "BPF_MAP_LOOKUP_ELEM on /dev/null");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_bpf, BPF_MAP_CREATE, tst_get_bad_addr(NULL), sizeof(a)),
			     EFAULT, "bpf() of an unmapped attr");
		break;
	}
}

static void setup(void)
{
	long fd;

	errno = 0;
	fd = map_create(4);
	if (fd < 0 && (errno == ENOSYS || errno == EPERM))
		tst_brk(TCONF | TERRNO, "bpf(BPF_MAP_CREATE) not permitted or not supported");
	if (fd >= 0)
		close(fd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
};
