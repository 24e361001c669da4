/* memfd_create(): an anonymous regular file of size 0 whose /proc link is
 * "/memfd:<name> (deleted)", readable, writable and mappable; MFD_CLOEXEC
 * sets FD_CLOEXEC; EINVAL for an unknown flag and a name over 249 bytes,
 * EFAULT for an unmapped name.
 * SYSCALLS: memfd_create newfstatat write pread64 mmap munmap ftruncate readlinkat fcntl close */
#include <sys/mman.h>
#include "tst_test.h"

/* memfd_create() that ends the test with TBROK when setup cannot get one. */
static int safe_memfd(const char *name, unsigned int flags)
{
	int fd = memfd_create(name, flags);

	if (fd < 0)
		tst_brk(TBROK | TERRNO, "memfd_create(%s, 0x%x)", name, flags);
	return fd;
}

static void run(unsigned int n)
{
	char link[64], target[128] = {0}, name[300];
	struct stat st;
	char *map;
	int fd;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(memfd_create("ferry", 0), "memfd_create(\"ferry\", 0)");
		if (fd < 0)
			return;
		SAFE_FSTAT(fd, &st);
		TST_EXP_EXPR(S_ISREG(st.st_mode) && st.st_size == 0, "a regular file of size 0");
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		if (readlink(link, target, sizeof(target) - 1) > 0)
			TST_EXP_EXPR(!strcmp(target, "/memfd:ferry (deleted)"),
				     "%s names '%s'", link, target);
		else
			tst_res(TCONF | TERRNO, "readlink(%s)", link);
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = safe_memfd("data", 0);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "in memory", 9);
		SAFE_FTRUNCATE(fd, 4096);
		map = SAFE_MMAP(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		TST_EXP_EXPR(!memcmp(map, "in memory", 9), "a shared mapping sees written data");
		memcpy(map, "IN", 2);
		SAFE_PREAD(1, fd, target, 9, 0);
		TST_EXP_EXPR(!memcmp(target, "IN memory", 9), "read() sees stores through the mapping");
		SAFE_MUNMAP(map, 4096);
		SAFE_CLOSE(fd);
		break;
	case 2:
		fd = safe_memfd("cx", MFD_CLOEXEC);
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), FD_CLOEXEC);
		SAFE_CLOSE(fd);
		fd = safe_memfd("nocx", 0);
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), 0);
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL2(memfd_create("bad", 0x100), EINVAL, "memfd_create() with flag 0x100");
		memset(name, 'n', 250);
		name[250] = 0;
		TST_EXP_FAIL2(memfd_create(name, 0), EINVAL, "memfd_create() with a 250-byte name");
		name[249] = 0;
		fd = TST_EXP_FD(memfd_create(name, 0), "memfd_create() with a 249-byte name");
		if (fd >= 0)
			SAFE_CLOSE(fd);
		break;
	case 4:
		TST_EXP_FAIL2(memfd_create(tst_get_bad_addr(NULL), 0), EFAULT,
			      "memfd_create() with an unmapped name");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
};
