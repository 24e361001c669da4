/* copy_file_range(): copies between offsets (advancing the offset variables,
 * not the file positions), or from and to the file positions when the
 * pointers are NULL; short at EOF and 0 past it; EINVAL for non-zero flags
 * and overlapping ranges in one file; EBADF for a write-only input, a
 * read-only or O_APPEND output; EISDIR for a directory.
 * SYSCALLS: copy_file_range openat close lseek pread64 write ftruncate */
#include "tst_test.h"

static int in = -1, out = -1;

static void setup(void)
{
	in = SAFE_OPEN("in", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, in, "0123456789", 10);
	out = SAFE_OPEN("out", O_CREAT | O_RDWR, 0600);
	SAFE_MKDIR("dir", 0755);
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
	loff_t oi = 2, oo = 1;
	int fd;

	SAFE_FTRUNCATE(out, 0);
	SAFE_LSEEK(in, 0, SEEK_SET);
	SAFE_LSEEK(out, 0, SEEK_SET);
	switch (n) {
	case 0:
		TST_EXP_VAL(copy_file_range(in, &oi, out, &oo, 4, 0), 4,
			    "copy_file_range(in@2 -> out@1, 4)");
		TST_EXP_EXPR(oi == 6 && oo == 5, "offsets advanced to 6 and 5");
		TST_EXP_EXPR(SAFE_LSEEK(in, 0, SEEK_CUR) == 0 && SAFE_LSEEK(out, 0, SEEK_CUR) == 0,
			     "file positions did not move");
		SAFE_PREAD(1, out, buf, 5, 0);
		TST_EXP_EXPR(!memcmp(buf, "\0" "2345", 5), "out holds a zero byte then '2345'");
		break;
	case 1:
		SAFE_LSEEK(in, 7, SEEK_SET);
		TST_EXP_VAL(copy_file_range(in, NULL, out, NULL, 3, 0), 3,
			    "copy_file_range(NULL offsets, 3)");
		TST_EXP_EXPR(SAFE_LSEEK(in, 0, SEEK_CUR) == 10 && SAFE_LSEEK(out, 0, SEEK_CUR) == 3,
			     "file positions advanced by 3");
		SAFE_PREAD(1, out, buf, 3, 0);
		TST_EXP_EXPR(!strcmp(buf, "789"), "out holds '789'");
		break;
	case 2:
		oi = 8;
		TST_EXP_VAL(copy_file_range(in, &oi, out, NULL, 100, 0), 2,
			    "copy_file_range() crossing EOF is short");
		oi = 40;
		TST_EXP_VAL(copy_file_range(in, &oi, out, NULL, 10, 0), 0,
			    "copy_file_range() past EOF returns 0");
		break;
	case 3:
		TST_EXP_FAIL2(copy_file_range(in, NULL, out, NULL, 1, 1), EINVAL,
			      "copy_file_range() with flags 1");
		oi = 0;
		oo = 2;
		TST_EXP_FAIL2(copy_file_range(in, &oi, in, &oo, 5, 0), EINVAL,
			      "copy_file_range() of overlapping ranges in one file");
		break;
	case 4:
		fd = SAFE_OPEN("in", O_WRONLY);
		TST_EXP_FAIL2(copy_file_range(fd, NULL, out, NULL, 1, 0), EBADF,
			      "copy_file_range() from a write-only fd");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("out", O_RDONLY);
		TST_EXP_FAIL2(copy_file_range(in, NULL, fd, NULL, 1, 0), EBADF,
			      "copy_file_range() to a read-only fd");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("out", O_WRONLY | O_APPEND);
		TST_EXP_FAIL2(copy_file_range(in, NULL, fd, NULL, 1, 0), EBADF,
			      "copy_file_range() to an O_APPEND fd");
		SAFE_CLOSE(fd);
		break;
	case 5:
		fd = SAFE_OPEN("dir", O_RDONLY | O_DIRECTORY);
		TST_EXP_FAIL2(copy_file_range(fd, NULL, out, NULL, 1, 0), EISDIR,
			      "copy_file_range() from a directory");
		SAFE_CLOSE(fd);
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
