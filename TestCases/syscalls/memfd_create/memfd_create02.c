/* memfd seals through fcntl(): F_SEAL_SHRINK stops shrinking (growing still
 * works), F_SEAL_GROW stops growing and writes past the end, F_SEAL_WRITE
 * stops writes and writable shared mappings, F_SEAL_SEAL stops new seals
 * (EPERM each); a memfd without MFD_ALLOW_SEALING reports F_SEAL_SEAL and
 * refuses seals; a regular file gives EINVAL.
 * SYSCALLS: memfd_create fcntl write pwrite64 ftruncate mmap close openat */
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

static int sealed(unsigned int seals)
{
	int fd = memfd_create("seal", MFD_ALLOW_SEALING);

	if (fd < 0)
		tst_brk(TBROK | TERRNO, "memfd_create(MFD_ALLOW_SEALING)");
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "12345678", 8);
	if (seals)
		TST_EXP_PASS(fcntl(fd, F_ADD_SEALS, seals), "F_ADD_SEALS(0x%x)", seals);
	return fd;
}

static void run(unsigned int n)
{
	int fd;

	switch (n) {
	case 0:
		fd = sealed(0);
		TST_EXP_EQ_LI(fcntl(fd, F_GET_SEALS), 0);
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = sealed(F_SEAL_SHRINK);
		TST_EXP_FAIL(ftruncate(fd, 4), EPERM, "ftruncate() to shrink with F_SEAL_SHRINK");
		TST_EXP_PASS(ftruncate(fd, 16), "ftruncate() to grow with F_SEAL_SHRINK");
		TST_EXP_EQ_LI(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK);
		SAFE_CLOSE(fd);
		break;
	case 2:
		fd = sealed(F_SEAL_GROW);
		TST_EXP_FAIL(ftruncate(fd, 16), EPERM, "ftruncate() to grow with F_SEAL_GROW");
		TST_EXP_FAIL2(pwrite(fd, "x", 1, 8), EPERM, "pwrite() past the end with F_SEAL_GROW");
		TST_EXP_VAL(pwrite(fd, "x", 1, 2), 1, "pwrite() inside the file with F_SEAL_GROW");
		SAFE_CLOSE(fd);
		break;
	case 3:
		fd = sealed(F_SEAL_WRITE);
		TST_EXP_FAIL2(pwrite(fd, "x", 1, 0), EPERM, "pwrite() with F_SEAL_WRITE");
		TST_EXP_FAIL_PTR_VOID(mmap(NULL, 8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
				      EPERM, "writable shared mmap() with F_SEAL_WRITE");
		SAFE_CLOSE(fd);
		break;
	case 4:
		fd = sealed(F_SEAL_SEAL);
		TST_EXP_FAIL(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM,
			     "F_ADD_SEALS after F_SEAL_SEAL");
		SAFE_CLOSE(fd);
		break;
	case 5:
		fd = safe_memfd("plain", 0);
		TST_EXP_EXPR(fcntl(fd, F_GET_SEALS) & F_SEAL_SEAL,
			     "a memfd without MFD_ALLOW_SEALING has F_SEAL_SEAL");
		TST_EXP_FAIL(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM,
			     "F_ADD_SEALS without MFD_ALLOW_SEALING");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("regular", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EINVAL,
			     "F_ADD_SEALS on a regular file");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.needs_tmpdir = 1,
};
