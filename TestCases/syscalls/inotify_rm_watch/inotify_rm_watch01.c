/* inotify_rm_watch(): removing a watch queues IN_IGNORED for its wd and a
 * second removal is EINVAL; deleting a watched file queues IN_DELETE_SELF
 * then IN_IGNORED; EINVAL for a wd never given and a non-inotify fd, EBADF.
 * SYSCALLS: inotify_rm_watch inotify_add_watch inotify_init1 read unlinkat pipe2 close */
#include "tst_test.h"
#include "../inotify_add_watch/inotify_common.h"

static int ifd = -1;

static void setup(void)
{
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
	int wd, cnt, p[2];

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("f", "x");
		wd = inotify_add_watch(ifd, "f", IN_MODIFY);
		TST_EXP_PASS(inotify_rm_watch(ifd, wd), "inotify_rm_watch(wd)");
		cnt = read_events(ifd, ev);
		TST_EXP_EXPR(cnt == 1 && ev[0].mask == IN_IGNORED && ev[0].wd == wd,
			     "IN_IGNORED was queued for the wd");
		TST_EXP_FAIL(inotify_rm_watch(ifd, wd), EINVAL, "a second inotify_rm_watch(wd)");
		SAFE_UNLINK("f");
		break;
	case 1:
		SAFE_FILE_PRINTF("g", "x");
		wd = inotify_add_watch(ifd, "g", IN_DELETE_SELF);
		SAFE_UNLINK("g");
		cnt = read_events(ifd, ev);
		TST_EXP_EXPR(cnt == 2 && ev[0].mask == IN_DELETE_SELF && ev[1].mask == IN_IGNORED &&
			     ev[0].wd == wd, "deleting the file gives IN_DELETE_SELF then IN_IGNORED");
		TST_EXP_FAIL(inotify_rm_watch(ifd, wd), EINVAL, "inotify_rm_watch() after auto-removal");
		break;
	case 2:
		TST_EXP_FAIL(inotify_rm_watch(ifd, 12345), EINVAL, "inotify_rm_watch() of an unknown wd");
		SAFE_PIPE(p);
		TST_EXP_FAIL(inotify_rm_watch(p[0], 1), EINVAL, "inotify_rm_watch() on a pipe fd");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		TST_EXP_FAIL(inotify_rm_watch(-1, 1), EBADF, "inotify_rm_watch(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
