/* inotify events for renames, opens and attributes: a rename inside a
 * watched directory gives IN_MOVED_FROM then IN_MOVED_TO with one shared
 * non-zero cookie; opening and closing a written file gives IN_OPEN and
 * IN_CLOSE_WRITE; chmod gives IN_ATTRIB; IN_MASK_ADD widens a watch. The
 * renames use the renameat2 syscall, which every architecture has (glibc's
 * rename() is renameat on aarch64, renameat2 on riscv64).
 * SYSCALLS: inotify_add_watch inotify_init1 read renameat2 openat close fchmodat write */
#include <sys/syscall.h>
#include "tst_test.h"
#include "inotify_common.h"

static void rename2(const char *from, const char *to)
{
	if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 0))
		tst_brk(TBROK | TERRNO, "renameat2(%s, %s)", from, to);
}

static int ifd = -1, wd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/a", "x");
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
	int fd, cnt;

	switch (n) {
	case 0:
		wd = inotify_add_watch(ifd, "d", IN_MOVE);
		rename2("d/a", "d/b");
		cnt = read_events(ifd, ev);
		TST_EXP_EQ_LI(cnt, 2);
		if (cnt != 2)
			break;
		TST_EXP_EXPR(ev[0].mask == IN_MOVED_FROM && !strcmp(ev[0].name, "a") &&
			     ev[1].mask == IN_MOVED_TO && !strcmp(ev[1].name, "b"),
			     "IN_MOVED_FROM 'a' then IN_MOVED_TO 'b'");
		TST_EXP_EXPR(ev[0].cookie && ev[0].cookie == ev[1].cookie,
			     "both carry the same non-zero cookie (%u)", ev[0].cookie);
		rename2("d/b", "d/a");
		read_events(ifd, ev);
		break;
	case 1:
		TST_EXP_VAL(inotify_add_watch(ifd, "d", IN_OPEN | IN_CLOSE_WRITE | IN_MASK_ADD), wd,
			    "IN_MASK_ADD keeps the wd");
		fd = SAFE_OPEN("d/a", O_WRONLY);
		SAFE_WRITE(SAFE_WRITE_ALL, fd, "y", 1);
		SAFE_CLOSE(fd);
		cnt = read_events(ifd, ev);
		TST_EXP_EXPR(cnt == 2 && ev[0].mask == IN_OPEN && ev[1].mask == IN_CLOSE_WRITE,
			     "IN_OPEN then IN_CLOSE_WRITE (%d events)", cnt);
		rename2("d/a", "d/c");
		cnt = read_events(ifd, ev);
		TST_EXP_EXPR(cnt == 2 && ev[0].mask == IN_MOVED_FROM,
			     "the IN_MOVE bits were kept by IN_MASK_ADD");
		rename2("d/c", "d/a");
		read_events(ifd, ev);
		break;
	case 2:
		TST_EXP_VAL(inotify_add_watch(ifd, "d", IN_ATTRIB), wd, "re-watch with only IN_ATTRIB");
		SAFE_CHMOD("d/a", 0640);
		cnt = read_events(ifd, ev);
		TST_EXP_EXPR(cnt == 1 && ev[0].mask == IN_ATTRIB && !strcmp(ev[0].name, "a"),
			     "chmod() gives IN_ATTRIB for 'a'");
		rename2("d/a", "d/b");
		TST_EXP_EQ_LI(read_events(ifd, ev), 0);
		rename2("d/b", "d/a");
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
