/* getcwd(): returns the absolute path of the cwd that matches the
 * directory's inode; ERANGE for a too-small buffer, EFAULT for a bad one.
 * SYSCALLS: getcwd newfstatat */
#include <limits.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	char buf[PATH_MAX], small[2];
	struct stat a, b;

	switch (n) {
	case 0:
		TST_EXP_EXPR(getcwd(buf, sizeof(buf)) == buf, "getcwd() returns its buffer");
		TST_EXP_EQ_LI(buf[0], '/');
		SAFE_STAT(buf, &a);
		SAFE_STAT(".", &b);
		TST_EXP_EXPR(a.st_ino == b.st_ino && a.st_dev == b.st_dev,
			     "getcwd() path names the current directory");
		break;
	case 1:
		errno = 0;
		TST_EXP_EXPR(getcwd(small, sizeof(small)) == NULL && errno == ERANGE,
			     "getcwd() with a 2-byte buffer fails with ERANGE (%s)",
			     tst_strerrno(errno));
		break;
	case 2:
		/* Raw syscall: glibc would allocate a buffer for size 0. */
		TST_EXP_FAIL2(syscall(SYS_getcwd, tst_get_bad_addr(NULL), (size_t)PATH_MAX),
			      EFAULT, "getcwd() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_tmpdir = 1,
};
