/* sendfile() between regular files: with an offset pointer it copies from
 * there, advances *offset and leaves the input position alone; without one
 * it uses and advances the position; short at EOF, 0 past it; EBADF for a
 * write-only input or a read-only output, EINVAL for an O_APPEND output,
 * EFAULT for an unmapped offset pointer.
 * SYSCALLS: sendfile openat close lseek pread64 write ftruncate */
#include <sys/sendfile.h>
#include "tst_test.h"

static int in = -1, out = -1;

static void setup(void)
{
	in = SAFE_OPEN("in", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, in, "0123456789", 10);
	out = SAFE_OPEN("out", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (in >= 0)
		SAFE_CLOSE(in);
	if (out >= 0)
		SAFE_CLOSE(out);
}

static void run(unsigned int n)
{
	char buf[16] = {0};
	off_t off;
	int fd;

	SAFE_FTRUNCATE(out, 0);
	SAFE_LSEEK(out, 0, SEEK_SET);
	SAFE_LSEEK(in, 0, SEEK_SET);
	switch (n) {
	case 0:
		off = 2;
		TST_EXP_VAL(sendfile(out, in, &off, 5), 5, "sendfile(offset 2, 5 bytes)");
		TST_EXP_EQ_LI(off, 7);
		TST_EXP_EQ_LI(SAFE_LSEEK(in, 0, SEEK_CUR), 0);
		SAFE_PREAD(1, out, buf, 5, 0);
		TST_EXP_EXPR(!strcmp(buf, "23456"), "output holds '23456'");
		break;
	case 1:
		SAFE_LSEEK(in, 4, SEEK_SET);
		TST_EXP_VAL(sendfile(out, in, NULL, 3), 3, "sendfile(NULL offset, 3 bytes)");
		TST_EXP_EQ_LI(SAFE_LSEEK(in, 0, SEEK_CUR), 7);
		TST_EXP_EQ_LI(SAFE_LSEEK(out, 0, SEEK_CUR), 3);
		SAFE_PREAD(1, out, buf, 3, 0);
		TST_EXP_EXPR(!strcmp(buf, "456"), "output holds '456'");
		break;
	case 2:
		off = 8;
		TST_EXP_VAL(sendfile(out, in, &off, 100), 2, "sendfile() crossing EOF is short");
		off = 50;
		TST_EXP_VAL(sendfile(out, in, &off, 10), 0, "sendfile() past EOF returns 0");
		break;
	case 3:
		fd = SAFE_OPEN("in", O_WRONLY);
		TST_EXP_FAIL2(sendfile(out, fd, NULL, 1), EBADF, "sendfile() from a write-only fd");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("out", O_RDONLY);
		TST_EXP_FAIL2(sendfile(fd, in, NULL, 1), EBADF, "sendfile() to a read-only fd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL2(sendfile(out, -1, NULL, 1), EBADF, "sendfile() from fd -1");
		break;
	case 4:
		fd = SAFE_OPEN("out", O_WRONLY | O_APPEND);
		TST_EXP_FAIL2(sendfile(fd, in, NULL, 1), EINVAL, "sendfile() to an O_APPEND fd");
		SAFE_CLOSE(fd);
		break;
	case 5:
		TST_EXP_FAIL2(sendfile(out, in, tst_get_bad_addr(NULL), 1), EFAULT,
			      "sendfile() with an unmapped offset pointer");
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
