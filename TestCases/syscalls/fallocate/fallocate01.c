/* fallocate(): mode 0 extends the size and allocates blocks,
 * FALLOC_FL_KEEP_SIZE allocates past EOF without changing the size,
 * PUNCH_HOLE|KEEP_SIZE zeroes a range; EINVAL for length 0 or a negative
 * offset, EOPNOTSUPP for PUNCH_HOLE without KEEP_SIZE, EBADF for a read-only
 * fd, ESPIPE on a pipe.
 * SYSCALLS: fallocate newfstatat pread64 pwrite64 openat close pipe2 ftruncate */
#include <linux/falloc.h>
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	if (fallocate(fd, 0, 0, 4096) && (errno == EOPNOTSUPP || errno == ENOSYS))
		tst_brk(TCONF | TERRNO, "fallocate() is not supported on this filesystem");
	SAFE_FTRUNCATE(fd, 0);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct stat st, st2;
	char buf[4096];
	int rfd, p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(fallocate(fd, 0, 0, 8192), "fallocate(0, 8192)");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 8192);
		TST_EXP_EXPR(st.st_blocks * 512 >= 8192, "8192 bytes allocated (st_blocks %ld)",
			     (long)st.st_blocks);
		break;
	case 1:
		SAFE_FSTAT(fd, &st);
		TST_EXP_PASS(fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 16384),
			     "fallocate(KEEP_SIZE, 8192, 16384)");
		SAFE_FSTAT(fd, &st2);
		TST_EXP_EQ_LI(st2.st_size, st.st_size);
		TST_EXP_EXPR(st2.st_blocks > st.st_blocks, "blocks grew beyond EOF (%ld -> %ld)",
			     (long)st.st_blocks, (long)st2.st_blocks);
		break;
	case 2:
		memset(buf, 'x', sizeof(buf));
		SAFE_PWRITE(SAFE_WRITE_ALL, fd, buf, sizeof(buf), 0);
		TEST(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 1024, 1024));
		if (TST_RET == -1 && TST_ERR == EOPNOTSUPP) {
			tst_res(TCONF, "FALLOC_FL_PUNCH_HOLE not supported here");
			break;
		}
		TST_EXP_EXPR(TST_RET == 0, "fallocate(PUNCH_HOLE|KEEP_SIZE, 1024, 1024) returned %ld",
			     TST_RET);
		SAFE_PREAD(1, fd, buf, sizeof(buf), 0);
		TST_EXP_EXPR(buf[1023] == 'x' && buf[1024] == 0 && buf[2047] == 0 && buf[2048] == 'x',
			     "the punched range reads as zeros, its neighbours keep data");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_size, 8192);
		break;
	case 3:
		TST_EXP_FAIL(fallocate(fd, 0, 0, 0), EINVAL, "fallocate() with length 0");
		TST_EXP_FAIL(fallocate(fd, 0, -1, 10), EINVAL, "fallocate() at offset -1");
		TST_EXP_FAIL(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10), EOPNOTSUPP,
			     "fallocate(PUNCH_HOLE) without KEEP_SIZE");
		break;
	case 4:
		rfd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_FAIL(fallocate(rfd, 0, 0, 10), EBADF, "fallocate() on a read-only fd");
		SAFE_CLOSE(rfd);
		SAFE_PIPE(p);
		TST_EXP_FAIL(fallocate(p[1], 0, 0, 10), ESPIPE, "fallocate() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
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
