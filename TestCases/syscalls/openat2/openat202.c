/* openat2() resolve flags: RESOLVE_NO_SYMLINKS refuses any symlink (ELOOP),
 * RESOLVE_BENEATH refuses ".." escapes and absolute paths (EXDEV) but allows
 * staying inside, RESOLVE_IN_ROOT makes "/" the root_fd, RESOLVE_NO_MAGICLINKS
 * refuses /proc/self/fd links (ELOOP), RESOLVE_NO_XDEV refuses crossing into
 * /proc (EXDEV).
 * SYSCALLS: openat2 openat read close mkdirat symlinkat faccessat */
#include <linux/openat2.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static int root_fd = -1;

static long open_res(int dfd, const char *path, uint64_t resolve)
{
	struct open_how how = { .flags = O_RDONLY, .resolve = resolve };

	return tst_syscall(__NR_openat2, dfd, path, &how, sizeof(how));
}

static void expect_content(long fd, const char *want, const char *what)
{
	char buf[16] = {0};

	if (fd < 0)
		return;
	SAFE_READ(0, fd, buf, sizeof(buf) - 1);
	TST_EXP_EXPR(!strcmp(buf, want), "%s reads '%s'", what, want);
	SAFE_CLOSE(fd);
}

static void setup(void)
{
	SAFE_MKDIR("root", 0755);
	SAFE_MKDIR("root/sub", 0755);
	SAFE_FILE_PRINTF("root/inner", "inner");
	SAFE_FILE_PRINTF("outer", "outer");
	SAFE_SYMLINK("inner", "root/link");
	root_fd = SAFE_OPEN("root", O_RDONLY | O_DIRECTORY);
}

static void cleanup(void)
{
	if (root_fd >= 0)
		SAFE_CLOSE(root_fd);
}

static void run(unsigned int n)
{
	long fd;
	char path[64];

	switch (n) {
	case 0:
		fd = TST_EXP_FD(open_res(root_fd, "link", 0), "openat2() through a symlink");
		expect_content(fd, "inner", "the followed symlink");
		TST_EXP_FAIL2(open_res(root_fd, "link", RESOLVE_NO_SYMLINKS), ELOOP,
			      "openat2(RESOLVE_NO_SYMLINKS) through a symlink");
		break;
	case 1:
		fd = TST_EXP_FD(open_res(root_fd, "sub/../inner", RESOLVE_BENEATH),
				"openat2(RESOLVE_BENEATH) of sub/../inner");
		expect_content(fd, "inner", "the beneath path");
		TST_EXP_FAIL2(open_res(root_fd, "../outer", RESOLVE_BENEATH), EXDEV,
			      "openat2(RESOLVE_BENEATH) of ../outer");
		TST_EXP_FAIL2(open_res(root_fd, "/outer", RESOLVE_BENEATH), EXDEV,
			      "openat2(RESOLVE_BENEATH) of an absolute path");
		break;
	case 2:
		fd = TST_EXP_FD(open_res(root_fd, "/inner", RESOLVE_IN_ROOT),
				"openat2(RESOLVE_IN_ROOT) of /inner");
		expect_content(fd, "inner", "/inner under RESOLVE_IN_ROOT");
		fd = TST_EXP_FD(open_res(root_fd, "../../inner", RESOLVE_IN_ROOT),
				"openat2(RESOLVE_IN_ROOT) of ../../inner");
		expect_content(fd, "inner", "../../inner clamped at the root");
		break;
	case 3:
		if (access("/proc/self/fd", F_OK))
			tst_brk(TCONF, "/proc is not mounted");
		snprintf(path, sizeof(path), "/proc/self/fd/%d", root_fd);
		fd = TST_EXP_FD(open_res(AT_FDCWD, path, 0), "openat2() of %s", path);
		if (fd >= 0)
			SAFE_CLOSE(fd);
		TST_EXP_FAIL2(open_res(AT_FDCWD, path, RESOLVE_NO_MAGICLINKS), ELOOP,
			      "openat2(RESOLVE_NO_MAGICLINKS) of %s", path);
		break;
	case 4:
		if (access("/proc/self/fd", F_OK))
			tst_brk(TCONF, "/proc is not mounted");
		TST_EXP_FAIL2(open_res(AT_FDCWD, "/proc/self/comm", RESOLVE_NO_XDEV), EXDEV,
			      "openat2(RESOLVE_NO_XDEV) of /proc/self/comm from /");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
