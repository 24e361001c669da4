/* inotify_add_watch(): a directory watch reports IN_CREATE, IN_MODIFY and
 * IN_DELETE with the watch descriptor and the entry's name, in order; the
 * same path again gives the same wd; IN_MASK_CREATE on an existing watch is
 * EEXIST; IN_ONLYDIR on a file is ENOTDIR; EINVAL for an empty mask and a
 * non-inotify fd; ENOENT; EBADF.
 * SYSCALLS: inotify_add_watch inotify_init1 read write openat close unlinkat pipe2 */
#include "tst_test.h"
#include "inotify_common.h"

#ifndef IN_MASK_CREATE
# define IN_MASK_CREATE 0x10000000
#endif

static int ifd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("file", "x");
	ifd = inotify_init1(IN_NONBLOCK);
	if (ifd < 0)
		tst_brk(TBROK | TERRNO, "inotify_init1()");
}

static void cleanup(void)
{
	if (ifd >= 0)
		SAFE_CLOSE(ifd);
}

static void run(unsigned int n)
{
	struct ev ev[EV_MAX];
	int wd, fd, cnt, p[2];

	switch (n) {
	case 0:
		wd = TST_EXP_FD(inotify_add_watch(ifd, "d", IN_CREATE | IN_MODIFY | IN_DELETE),
				"inotify_add_watch(d, CREATE|MODIFY|DELETE)");
		fd = SAFE_OPEN("d/f", O_CREAT | O_WRONLY, 0600);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "x", 1);
		SAFE_CLOSE(fd);
		SAFE_UNLINK("d/f");
		cnt = read_events(ifd, ev);
		TST_EXP_EQ_LI(cnt, 3);
		if (cnt != 3)
			break;
		TST_EXP_EXPR(ev[0].mask == IN_CREATE && ev[1].mask == IN_MODIFY &&
			     ev[2].mask == IN_DELETE, "events CREATE, MODIFY, DELETE in order");
		TST_EXP_EXPR(ev[0].wd == wd && !strcmp(ev[0].name, "f") && !strcmp(ev[2].name, "f"),
			     "each names the watch and the entry 'f'");
		break;
	case 1:
		wd = inotify_add_watch(ifd, "d", IN_CREATE);
		TST_EXP_VAL(inotify_add_watch(ifd, "d", IN_DELETE), wd,
			    "a second watch on the same path returns the same wd");
		TST_EXP_FAIL2(inotify_add_watch(ifd, "d", IN_CREATE | IN_MASK_CREATE), EEXIST,
			      "IN_MASK_CREATE on an existing watch");
		break;
	case 2:
		TST_EXP_FAIL2(inotify_add_watch(ifd, "file", IN_CREATE | IN_ONLYDIR), ENOTDIR,
			      "IN_ONLYDIR on a regular file");
		TST_EXP_FAIL2(inotify_add_watch(ifd, "d", 0), EINVAL, "inotify_add_watch() with mask 0");
		TST_EXP_FAIL2(inotify_add_watch(ifd, "missing", IN_CREATE), ENOENT,
			      "inotify_add_watch() of a missing path");
		break;
	case 3:
		SAFE_PIPE(p);
		TST_EXP_FAIL2(inotify_add_watch(p[0], "d", IN_CREATE), EINVAL,
			      "inotify_add_watch() on a pipe fd");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		TST_EXP_FAIL2(inotify_add_watch(-1, "d", IN_CREATE), EBADF, "inotify_add_watch(-1)");
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
