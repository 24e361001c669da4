/* sync_file_range(): each flag and their combination succeed on a written
 * file, nbytes 0 means "to end of file"; EINVAL for an unknown flag, a
 * negative offset or length; ESPIPE on a pipe; EBADF.
 * SYSCALLS: sync_file_range openat close write pipe2 */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	char buf[8192];

	memset(buf, 'a', sizeof(buf));
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, buf, sizeof(buf));
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WRITE),
			     "sync_file_range(SYNC_FILE_RANGE_WRITE)");
		TST_EXP_PASS(sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WAIT_BEFORE),
			     "sync_file_range(SYNC_FILE_RANGE_WAIT_BEFORE)");
		TST_EXP_PASS(sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WAIT_AFTER),
			     "sync_file_range(SYNC_FILE_RANGE_WAIT_AFTER)");
		break;
	case 1:
		TST_EXP_PASS(sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE |
					     SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER),
			     "sync_file_range(all three flags, whole file)");
		TST_EXP_PASS(sync_file_range(fd, 100, 0, 0), "sync_file_range(flags 0) is a no-op");
		break;
	case 2:
		TST_EXP_FAIL(sync_file_range(fd, 0, 0, 0x8), EINVAL,
			     "sync_file_range() with unknown flag 0x8");
		TST_EXP_FAIL(sync_file_range(fd, -1, 10, SYNC_FILE_RANGE_WRITE), EINVAL,
			     "sync_file_range() at offset -1");
		TST_EXP_FAIL(sync_file_range(fd, 0, -10, SYNC_FILE_RANGE_WRITE), EINVAL,
			     "sync_file_range() with length -10");
		break;
	case 3:
		SAFE_PIPE(p);
		TST_EXP_FAIL(sync_file_range(p[1], 0, 10, SYNC_FILE_RANGE_WRITE), ESPIPE,
			     "sync_file_range() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		TST_EXP_FAIL(sync_file_range(-1, 0, 10, SYNC_FILE_RANGE_WRITE), EBADF,
			     "sync_file_range(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
