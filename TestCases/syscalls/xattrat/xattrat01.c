/* The *xattrat calls (Linux 6.14): setxattrat() sets a user xattr through a
 * directory fd and a relative path, getxattrat() reads it back (and its size
 * with a zero-sized buffer), listxattrat() lists it, removexattrat() removes
 * it; AT_EMPTY_PATH works on the file's own fd. Errors: ENODATA, EEXIST
 * (XATTR_CREATE), ERANGE, EINVAL (unknown at-flags, a short xattr_args),
 * ENOENT, EBADF.
 * SYSCALLS: setxattrat getxattrat listxattrat removexattrat setxattr utimensat */
#include <sys/syscall.h>
#include <sys/xattr.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_setxattrat
# define __NR_setxattrat 463
#endif
#ifndef __NR_getxattrat
# define __NR_getxattrat 464
#endif
#ifndef __NR_listxattrat
# define __NR_listxattrat 465
#endif
#ifndef __NR_removexattrat
# define __NR_removexattrat 466
#endif
#define NAME "user.ferry"

struct f_xattr_args {
	uint64_t value;
	uint32_t size, flags;
};

static int dfd = -1;

static long setx(const char *path, int at, const char *val, uint32_t flags)
{
	struct f_xattr_args a = { (uintptr_t)val, val ? strlen(val) : 0, flags };

	return syscall(__NR_setxattrat, dfd, path, at, NAME, &a, sizeof(a));
}

static long getx(int fd, const char *path, int at, char *buf, uint32_t size)
{
	struct f_xattr_args a = { (uintptr_t)buf, size, 0 };

	return syscall(__NR_getxattrat, fd, path, at, NAME, &a, sizeof(a));
}

static void run(unsigned int n)
{
	char buf[64], list[64];
	struct f_xattr_args a;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(tst_syscall(__NR_setxattrat, dfd, "file", 0, NAME,
					 &(struct f_xattr_args){ (uintptr_t)"v1", 2, 0 },
					 sizeof(struct f_xattr_args)), "setxattrat(dir fd, file)");
		memset(buf, 0, sizeof(buf));
		TST_EXP_VAL(getx(dfd, "file", 0, buf, sizeof(buf)), 2, "getxattrat()");
		TST_EXP_EQ_STR(buf, "v1");
		TST_EXP_VAL(getx(dfd, "file", 0, NULL, 0), 2, "getxattrat() size query");
		memset(list, 0, sizeof(list));
		TST_EXP_VAL(syscall(__NR_listxattrat, dfd, "file", 0, list, sizeof(list)),
			    sizeof(NAME), "listxattrat()");
		TST_EXP_EQ_STR(list, NAME);
		fd = SAFE_OPEN("d/file", O_RDONLY);
		memset(buf, 0, sizeof(buf));
		TST_EXP_VAL(getx(fd, "", AT_EMPTY_PATH, buf, sizeof(buf)), 2,
			    "getxattrat(fd, \"\", AT_EMPTY_PATH)");
		SAFE_CLOSE(fd);
		TST_EXP_PASS(syscall(__NR_removexattrat, dfd, "file", 0, NAME), "removexattrat()");
		TST_EXP_FAIL(getx(dfd, "file", 0, buf, sizeof(buf)), ENODATA,
			     "getxattrat() after the removal");
		break;
	case 1:
		TST_EXP_PASS(setx("file", 0, "v2", 0), "setxattrat()");
		TST_EXP_FAIL(setx("file", 0, "v3", XATTR_CREATE), EEXIST,
			     "setxattrat(XATTR_CREATE) of an existing name");
		TST_EXP_FAIL(getx(dfd, "file", 0, buf, 1), ERANGE, "getxattrat() into 1 byte");
		TST_EXP_FAIL(syscall(__NR_listxattrat, dfd, "file", 0, list, 1), ERANGE,
			     "listxattrat() into 1 byte");
		TST_EXP_FAIL(setx("file", 0x40000000, "v2", 0), EINVAL,
			     "setxattrat() with an unknown at-flag");
		a.value = (uintptr_t)buf;
		a.size = sizeof(buf);
		a.flags = 0;
		TST_EXP_FAIL(syscall(__NR_getxattrat, dfd, "file", 0, NAME, &a, 8), EINVAL,
			     "getxattrat() with a short xattr_args");
		TST_EXP_FAIL(setx("missing", 0, "v2", 0), ENOENT, "setxattrat() of a missing file");
		TST_EXP_FAIL(syscall(__NR_removexattrat, dfd, "file", 0, "user.none"), ENODATA,
			     "removexattrat() of a missing name");
		TST_EXP_FAIL(getx(999, "file", 0, buf, sizeof(buf)), EBADF,
			     "getxattrat() relative to a closed fd");
		TST_EXP_PASS(syscall(__NR_removexattrat, dfd, "file", 0, NAME), "removexattrat()");
		break;
	}
}

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_TOUCH("d/file", 0644, NULL);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	SAFE_TOUCH("probe", 0644, NULL);
	if (setxattr("probe", "user.probe", "1", 1, 0) && errno == ENOTSUP)
		tst_brk(TCONF, "the temporary directory's filesystem has no user xattrs");
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
