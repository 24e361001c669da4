/* MADV_DONTNEED semantics per mapping kind: private anonymous pages read
 * back zero, and only the advised pages; a private file mapping drops its
 * private copies and shows the file again; a shared file mapping keeps
 * the data (it lives in the file); shared anonymous memory keeps it too;
 * after fork a child's MADV_DONTNEED of copy-on-write memory leaves the
 * parent's copy alone; EINVAL on an mlock()ed range, ENOMEM for a hole.
 * SYSCALLS: madvise mmap munmap mlock munlock openat ftruncate pwrite64 pread64 close clone wait4 exit_group */
#include <sys/mman.h>
#include "tst_test.h"

static long page;
static int fd = -1;

static void setup(void)
{
	page = sysconf(_SC_PAGESIZE);
	fd = SAFE_OPEN("file", O_RDWR | O_CREAT, 0600);
	SAFE_FTRUNCATE(fd, 2 * page);
	SAFE_PWRITE(1, fd, "from the file", 14, 0);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char *p, buf[16];
	pid_t pid;
	int status;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		memset(p, 'x', 3 * page);
		TST_EXP_PASS(madvise(p + page, page, MADV_DONTNEED), "MADV_DONTNEED of the middle page");
		TST_EXP_EXPR(p[0] == 'x' && p[page - 1] == 'x', "first page kept");
		TST_EXP_EXPR(p[page] == 0 && p[2 * page - 1] == 0, "middle page reads zero");
		TST_EXP_EXPR(p[2 * page] == 'x', "last page kept");
		SAFE_MUNMAP(p, 3 * page);
		break;
	case 1:
		p = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		strcpy(p, "private copy");
		TST_EXP_PASS(madvise(p, 2 * page, MADV_DONTNEED), "MADV_DONTNEED of a private file mapping");
		TST_EXP_EQ_STR(p, "from the file");
		SAFE_MUNMAP(p, 2 * page);
		break;
	case 2:
		p = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		strcpy(p + page, "shared data");
		TST_EXP_PASS(madvise(p, 2 * page, MADV_DONTNEED), "MADV_DONTNEED of a shared file mapping");
		TST_EXP_EQ_STR(p + page, "shared data");
		memset(buf, 0, sizeof(buf));
		SAFE_PREAD(1, fd, buf, 12, page);
		TST_EXP_EQ_STR(buf, "shared data");
		SAFE_MUNMAP(p, 2 * page);
		SAFE_PWRITE(1, fd, "\0\0\0\0\0\0\0\0\0\0\0\0", 12, page);
		break;
	case 3:
		p = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		strcpy(p, "shared anon");
		TST_EXP_PASS(madvise(p, page, MADV_DONTNEED), "MADV_DONTNEED of shared anonymous memory");
		TST_EXP_EQ_STR(p, "shared anon");
		SAFE_MUNMAP(p, page);
		break;
	case 4:
		p = SAFE_MMAP(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(p, "parent data");
		pid = SAFE_FORK();
		if (!pid) {
			if (madvise(p, page, MADV_DONTNEED) || p[0])
				_exit(1);
			strcpy(p, "child data");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "the child's copy was dropped to zero");
		TST_EXP_EQ_STR(p, "parent data");
		SAFE_MUNMAP(p, page);
		break;
	case 5:
		p = SAFE_MMAP(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mlock(p, page)) {
			tst_res(TCONF | TERRNO, "mlock()");
		} else {
			p[0] = 'l';
			TST_EXP_FAIL(madvise(p, page, MADV_DONTNEED), EINVAL, "MADV_DONTNEED of locked memory");
			TST_EXP_EXPR(p[0] == 'l', "locked page kept");
			munlock(p, page);
		}
		SAFE_MUNMAP(p + page, page);
		TST_EXP_FAIL(madvise(p, 3 * page, MADV_DONTNEED), ENOMEM, "MADV_DONTNEED over a hole");
		SAFE_MUNMAP(p, 3 * page);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
