/* init_module(), finit_module() and delete_module() error paths only (a
 * test never loads a module): an image that is not ELF is ENOEXEC, unknown
 * finit_module flags EINVAL, a closed fd EBADF, removing a module that is not
 * loaded ENOENT, unprivileged callers EPERM. A kernel without module support
 * answers ENOSYS: TCONF.
 * SYSCALLS: init_module finit_module delete_module setuid */
#include <sys/syscall.h>
#include "tst_test.h"

static const char junk[64] = "this is not an ELF module image";

static void run(unsigned int n)
{
	int fd;

	switch (n) {
	case 0:
		TST_EXP_FAIL(syscall(__NR_init_module, junk, sizeof(junk), ""), ENOEXEC,
			     "init_module() of a non-ELF image");
		TST_EXP_FAIL(syscall(__NR_init_module, tst_get_bad_addr(NULL), sizeof(junk), ""),
			     EFAULT, "init_module() of an unmapped image");
		fd = SAFE_OPEN("junk.ko", O_RDONLY);
		TST_EXP_FAIL(syscall(__NR_finit_module, fd, "", 0), ENOEXEC,
			     "finit_module() of a non-ELF file");
		TST_EXP_FAIL(syscall(__NR_finit_module, fd, "", 0x40000000), EINVAL,
			     "finit_module() with an unknown flag");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_finit_module, 999, "", 0), EBADF,
			     "finit_module() of a closed fd");
		TST_EXP_FAIL(syscall(__NR_delete_module, "ferry_no_such_module", O_NONBLOCK), ENOENT,
			     "delete_module() of a module not loaded");
		break;
	case 1:
		if (!SAFE_FORK()) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_init_module, junk, sizeof(junk), ""), EPERM,
				     "init_module() as uid 65534");
			TST_EXP_FAIL(syscall(__NR_delete_module, "ferry_no_such_module", O_NONBLOCK),
				     EPERM, "delete_module() as uid 65534");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static void setup(void)
{
	int fd;

	errno = 0;
	if (syscall(__NR_delete_module, "ferry_no_such_module", O_NONBLOCK) && errno == ENOSYS)
		tst_brk(TCONF, "module syscalls not supported (no CONFIG_MODULES)");
	fd = SAFE_OPEN("junk.ko", O_CREAT | O_WRONLY, 0644);
	SAFE_WRITE(1, fd, junk, sizeof(junk));
	SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
