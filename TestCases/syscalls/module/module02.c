/* The module syscalls on a kernel built without module support
 * (CONFIG_MODULES=n): init_module(), finit_module() and delete_module() all
 * fail with ENOSYS whatever their arguments, even ones module01 expects to be
 * rejected another way. A kernel with module support: TCONF (module01 checks
 * its error paths there).
 * SYSCALLS: init_module finit_module delete_module */
#include <sys/syscall.h>
#include "tst_test.h"

static const char junk[64] = "this is not an ELF module image";

static void run(void)
{
	int fd = SAFE_OPEN("junk.ko", O_RDONLY);

	TST_EXP_FAIL(syscall(__NR_init_module, junk, sizeof(junk), ""), ENOSYS,
		     "init_module() of a non-ELF image");
	TST_EXP_FAIL(syscall(__NR_init_module, tst_get_bad_addr(NULL), sizeof(junk), ""), ENOSYS,
		     "init_module() of an unmapped image");
	TST_EXP_FAIL(syscall(__NR_finit_module, fd, "", 0), ENOSYS,
		     "finit_module() of a non-ELF file");
	TST_EXP_FAIL(syscall(__NR_finit_module, 999, "", 0), ENOSYS,
		     "finit_module() of a closed fd");
	TST_EXP_FAIL(syscall(__NR_delete_module, "ferry_no_such_module", O_NONBLOCK), ENOSYS,
		     "delete_module() of a module not loaded");
	SAFE_CLOSE(fd);
}

static void setup(void)
{
	int fd;

	errno = 0;
	if (syscall(__NR_delete_module, "ferry_no_such_module", O_NONBLOCK) == 0 || errno != ENOSYS)
		tst_brk(TCONF, "the kernel has module support (module01 covers it)");
	fd = SAFE_OPEN("junk.ko", O_CREAT | O_WRONLY, 0644);
	SAFE_WRITE(1, fd, junk, sizeof(junk));
	SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.test_all = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
