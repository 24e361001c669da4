/* fstatfs(): on a file fd it matches statfs of the path, on an O_PATH fd it
 * works too, a pipe is on pipefs (PIPEFS_MAGIC), a socket on sockfs
 * (SOCKFS_MAGIC); EBADF, EFAULT.
 * SYSCALLS: fstatfs statfs openat close pipe2 socketpair */
#include <sys/socket.h>
#include <sys/statfs.h>
#include "tst_test.h"

#define PIPEFS_MAGIC_ 0x50495045
#define SOCKFS_MAGIC_ 0x534F434B

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
}

static void run(unsigned int n)
{
	struct statfs sf, psf;
	int fd, p[2];

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_PASS(fstatfs(fd, &sf), "fstatfs() of a file fd");
		SAFE_CLOSE(fd);
		if (statfs("f", &psf))
			tst_brk(TBROK | TERRNO, "statfs(f)");
		TST_EXP_EXPR(sf.f_type == psf.f_type && sf.f_bsize == psf.f_bsize &&
			     sf.f_blocks == psf.f_blocks, "fstatfs agrees with statfs of the path");
		fd = SAFE_OPEN("f", O_PATH);
		TST_EXP_PASS(fstatfs(fd, &sf), "fstatfs() of an O_PATH fd");
		TST_EXP_EQ_LI(sf.f_type, psf.f_type);
		SAFE_CLOSE(fd);
		break;
	case 1:
		SAFE_PIPE(p);
		TST_EXP_PASS(fstatfs(p[0], &sf), "fstatfs() of a pipe");
		TST_EXP_EQ_LI(sf.f_type, PIPEFS_MAGIC_);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, p))
			tst_brk(TBROK | TERRNO, "socketpair()");
		TST_EXP_PASS(fstatfs(p[0], &sf), "fstatfs() of a socket");
		TST_EXP_EQ_LI(sf.f_type, SOCKFS_MAGIC_);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 2:
		TST_EXP_FAIL(fstatfs(-1, &sf), EBADF, "fstatfs(-1)");
		fd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_FAIL(fstatfs(fd, tst_get_bad_addr(NULL)), EFAULT,
			     "fstatfs() into an unmapped buffer");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
