/* mmap(): anonymous memory is zeroed and writable; a MAP_SHARED file
 * mapping writes through to the file and a MAP_PRIVATE one does not;
 * MAP_FIXED lands at the given address; EINVAL (length 0, unaligned
 * MAP_FIXED, no MAP_SHARED/PRIVATE), EBADF, EACCES (shared write of a
 * read-only fd).
 * SYSCALLS: mmap munmap openat close pread64 ftruncate */
#include <sys/mman.h>
#include "tst_test.h"

static long ps;
static int fd = -1;

static void setup(void)
{
	ps = getpagesize();
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_FTRUNCATE(fd, ps);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char *p, *q, c = 0;
	int rfd, i, zero = 1;

	switch (n) {
	case 0:
		p = mmap(NULL, 3 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			tst_res(TFAIL | TERRNO, "anonymous mmap() failed");
			return;
		}
		for (i = 0; i < 3 * ps; i++)
			zero &= p[i] == 0;
		TST_EXP_EXPR(zero, "anonymous mapping is zero-filled");
		p[3 * ps - 1] = 'z';
		TST_EXP_EQ_LI(p[3 * ps - 1], 'z');
		SAFE_MUNMAP(p, 3 * ps);
		break;
	case 1:
		p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		p[10] = 'S';
		SAFE_PREAD(1, fd, &c, 1, 10);
		TST_EXP_EQ_LI(c, 'S');
		SAFE_MUNMAP(p, ps);
		break;
	case 2:
		p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		p[20] = 'P';
		SAFE_PREAD(1, fd, &c, 1, 20);
		TST_EXP_EQ_LI(c, 0);
		SAFE_MUNMAP(p, ps);
		break;
	case 3:
		p = SAFE_MMAP(NULL, 2 * ps, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		q = mmap(p + ps, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		TST_EXP_EXPR(q == p + ps, "MAP_FIXED mapping is at the requested address");
		if (q == p + ps)
			q[0] = 1;
		SAFE_MUNMAP(p, 2 * ps);
		break;
	case 4:
		TST_EXP_FAIL_PTR_VOID(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
				      EINVAL, "mmap() of length 0");
		TST_EXP_FAIL_PTR_VOID(mmap((void *)(ps + 1), ps, PROT_READ,
					   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
				      EINVAL, "mmap(MAP_FIXED) at an unaligned address");
		TST_EXP_FAIL_PTR_VOID(mmap(NULL, ps, PROT_READ, MAP_ANONYMOUS, -1, 0),
				      EINVAL, "mmap() without MAP_SHARED or MAP_PRIVATE");
		break;
	case 5:
		TST_EXP_FAIL_PTR_VOID(mmap(NULL, ps, PROT_READ, MAP_SHARED, -1, 0), EBADF,
				      "mmap() of fd -1 without MAP_ANONYMOUS");
		rfd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_FAIL_PTR_VOID(mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED, rfd, 0),
				      EACCES, "shared writable mmap() of a read-only fd");
		SAFE_CLOSE(rfd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
