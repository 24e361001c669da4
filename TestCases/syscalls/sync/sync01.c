/* sync() and syncfs(): flush written data and succeed; the data is then
 * visible through a fresh open; syncfs() on a pipe's pseudo filesystem also
 * succeeds; EBADF for syncfs(-1) and a closed fd.
 * SYSCALLS: sync syncfs openat close write read pipe2 */
#include "tst_test.h"

static void run(unsigned int n)
{
	char buf[8] = {0};
	int fd, p[2];

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_WRONLY | O_TRUNC, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "synced", 6);
		sync();
		tst_res(TPASS, "sync() returned");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("f", O_RDONLY);
		SAFE_READ(1, fd, buf, 6);
		TST_EXP_EXPR(!strcmp(buf, "synced"), "data written before sync() reads back");
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = SAFE_OPEN("f", O_CREAT | O_WRONLY | O_TRUNC, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "fs", 2);
		TST_EXP_PASS(syncfs(fd), "syncfs() of the tmpdir's filesystem");
		SAFE_CLOSE(fd);
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_PASS(syncfs(p[0]), "syncfs() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 3:
		TST_EXP_FAIL(syncfs(-1), EBADF, "syncfs(-1)");
		fd = SAFE_OPEN("f", O_CREAT | O_RDONLY, 0600);
		close(fd);
		TST_EXP_FAIL(syncfs(fd), EBADF, "syncfs() of a closed fd");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
