/* Small helpers: kernel version checks, number parsing, the build arch,
 * a faulting address, waiting for a process state, filling files. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>

#define TST_NO_DEFAULT_MAIN
#include "tst_test.h"

#if defined(__x86_64__)
const char *const tst_arch_name = "x86_64";
#elif defined(__aarch64__)
const char *const tst_arch_name = "aarch64";
#elif defined(__riscv) && __riscv_xlen == 64
const char *const tst_arch_name = "riscv64";
#elif defined(__mips__)
const char *const tst_arch_name = "mips";
#elif defined(__arm__)
const char *const tst_arch_name = "arm";
#elif defined(__i386__)
const char *const tst_arch_name = "x86";
#else
const char *const tst_arch_name = "unknown";
#endif

int tst_parse_kver(const char *str, int *v1, int *v2, int *v3)
{
	*v1 = *v2 = *v3 = 0;
	if (sscanf(str, "%d.%d.%d", v1, v2, v3) < 2)
		return 1;
	return 0;
}

int tst_kvercmp(int r1, int r2, int r3)
{
	struct utsname u;
	int a, b, c;

	if (uname(&u) || sscanf(u.release, "%d.%d.%d", &a, &b, &c) < 2)
		tst_brk(TBROK, "Cannot parse kernel release");
	if (a != r1)
		return a - r1;
	if (b != r2)
		return b - r2;
	return c - r3;
}

int tst_parse_long(const char *str, long *val, long min, long max)
{
	char *end;
	long v;

	if (!str)
		return 0;
	errno = 0;
	v = strtol(str, &end, 10);
	if (end == str || *end)
		return EINVAL;
	if (errno)
		return errno;
	if (v < min || v > max)
		return ERANGE;
	*val = v;
	return 0;
}

int tst_parse_int(const char *str, int *val, int min, int max)
{
	long v;
	int ret;

	if (!str)
		return 0;
	ret = tst_parse_long(str, &v, min, max);
	if (!ret)
		*val = (int)v;
	return ret;
}

void *tst_get_bad_addr(void (*cleanup_fn)(void))
{
	void *p;

	(void)cleanup_fn;
	p = mmap(NULL, 1, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		tst_brk(TBROK | TERRNO, "mmap() failed");
	return p;
}

int tst_process_state_wait(const char *file, const int lineno, pid_t pid,
			   const char state, unsigned int msec_timeout)
{
	char path[64], buf[512], *p;
	unsigned int waited_ms = 0;

	snprintf(path, sizeof(path), "/proc/%i/stat", pid);
	for (;;) {
		FILE *f = fopen(path, "r");
		size_t n;

		if (!f)
			tst_brk_(file, lineno, TBROK | TERRNO, "fopen(%s)", path);
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
		buf[n] = '\0';
		/* The state follows the ')' that closes the command name. */
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == state)
			return 0;
		if (msec_timeout && waited_ms >= msec_timeout) {
			errno = ETIMEDOUT;
			return -1;
		}
		usleep(1000);
		waited_ms++;
	}
}

int tst_fill_file(const char *path, char pattern, size_t bs, size_t bcount)
{
	char *buf = malloc(bs);
	int fd;

	if (!buf)
		return -1;
	memset(buf, pattern, bs);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0700);
	if (fd < 0) {
		free(buf);
		return -1;
	}
	for (size_t i = 0; i < bcount; i++) {
		if (write(fd, buf, bs) != (ssize_t)bs) {
			close(fd);
			free(buf);
			return -1;
		}
	}
	free(buf);
	return close(fd);
}
