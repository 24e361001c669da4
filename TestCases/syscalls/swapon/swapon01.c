/* swapon()/swapoff(): a 64 KiB swap file made here (version-1 header,
 * "SWAPSPACE2" signature) is enabled, seen in /proc/swaps and disabled at
 * once (cleanup disables it too if a check stopped the test in between);
 * TCONF where the temporary directory's filesystem cannot hold swap (tmpfs).
 * Errors: a file of zeros has no swap signature (EINVAL), swapoff() of a
 * file that is not swap is EINVAL, missing paths are ENOENT, EFAULT, and an
 * unprivileged caller gets EPERM.
 * SYSCALLS: swapon swapoff setuid geteuid fsync read openat close write */
#include <sys/syscall.h>
#include "tst_test.h"

#define SWAP_PAGES 16

static int swap_on;

/* The layout mkswap writes: version, last page and bad-page count at 1024,
 * the signature in the last 10 bytes of the first page. */
static void make_swap_file(const char *path)
{
	static char page[4096];
	unsigned int hdr[3] = { 1, SWAP_PAGES - 1, 0 };
	int fd, i;

	fd = SAFE_OPEN(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	memcpy(page + 1024, hdr, sizeof(hdr));
	memcpy(page + sizeof(page) - 10, "SWAPSPACE2", 10);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, page, sizeof(page));
	memset(page, 0, sizeof(page));
	for (i = 1; i < SWAP_PAGES; i++)
		SAFE_WRITE(SAFE_WRITE_ALL, fd, page, sizeof(page));
	SAFE_FSYNC(fd);
	SAFE_CLOSE(fd);
}

static int in_proc_swaps(const char *path)
{
	char line[512], cwd[256], full[300];
	FILE *f;
	int found = 0;

	if (!getcwd(cwd, sizeof(cwd)))
		return 0;
	snprintf(full, sizeof(full), "%s/%s", cwd, path);
	f = SAFE_FOPEN("/proc/swaps", "r");
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, full, strlen(full)) && (line[strlen(full)] == ' ' || line[strlen(full)] == '\t'))
			found = 1;
	SAFE_FCLOSE(f);
	return found;
}

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		TST_EXP_FAIL(syscall(__NR_swapon, "zeros", 0), EINVAL,
			     "swapon() of a file without a swap signature");
		TST_EXP_FAIL(syscall(__NR_swapon, "missing", 0), ENOENT, "swapon() of a missing file");
		TST_EXP_FAIL(syscall(__NR_swapon, tst_get_bad_addr(NULL), 0), EFAULT,
			     "swapon() of an unmapped path");
		TST_EXP_FAIL(syscall(__NR_swapoff, "zeros"), EINVAL, "swapoff() of a file not in use");
		TST_EXP_FAIL(syscall(__NR_swapoff, "missing"), ENOENT, "swapoff() of a missing file");
		break;
	case 1:
		if (!SAFE_FORK()) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_swapon, "zeros", 0), EPERM, "swapon() as uid 65534");
			TST_EXP_FAIL(syscall(__NR_swapoff, "zeros"), EPERM, "swapoff() as uid 65534");
			exit(0);
		}
		tst_reap_children();
		break;
	case 2:
		make_swap_file("swap");
		TEST(syscall(__NR_swapon, "swap", 0));
		if (TST_RET == -1 && TST_ERR == EINVAL) {
			tst_res(TCONF, "this filesystem cannot hold a swap file");
			break;
		}
		if (TST_RET != 0) {
			tst_res(TFAIL | TTERRNO, "swapon() of a 64 KiB swap file");
			break;
		}
		swap_on = 1;
		tst_res(TPASS, "swapon() of a 64 KiB swap file");
		TST_EXP_EXPR(in_proc_swaps("swap"), "/proc/swaps lists it");
		TST_EXP_FAIL(syscall(__NR_swapon, "swap", 0), EBUSY, "swapon() of a file already in use");
		TST_EXP_PASS(syscall(__NR_swapoff, "swap"), "swapoff()");
		swap_on = 0;
		TST_EXP_EXPR(!in_proc_swaps("swap"), "/proc/swaps no longer lists it");
		break;
	}
}

static void cleanup(void)
{
	if (swap_on)
		syscall(__NR_swapoff, "swap");
}

static void setup(void)
{
	errno = 0;
	if (syscall(__NR_swapoff, tst_get_bad_addr(NULL)) && errno == ENOSYS)
		tst_brk(TCONF, "swapon()/swapoff() not supported (no CONFIG_SWAP)");
	if (tst_fill_file("zeros", 0, 4096, 16))
		tst_brk(TBROK | TERRNO, "tst_fill_file()");
	SAFE_CHMOD("zeros", 0600);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
