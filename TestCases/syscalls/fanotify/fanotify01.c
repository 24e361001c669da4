/* fanotify: fanotify_init(FAN_CLASS_NOTIF) and fanotify_mark() of
 * FAN_CLOSE_WRITE on a file; writing and closing the file queues one event
 * whose metadata names our pid and the mask, with an fd open on the file.
 * Errors: EINVAL (unknown init flags, unknown mark flags, an empty mask on
 * add, a file that is not a fanotify fd), EBADF (closed fd), ENOENT.
 * SYSCALLS: fanotify_init fanotify_mark read geteuid utimensat */
#include <sys/fanotify.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct fanotify_event_metadata ev[4];
	int fan, fd;
	ssize_t len;

	switch (n) {
	case 0:
		TST_EXP_FD(fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY),
			   "fanotify_init(FAN_CLASS_NOTIF)");
		fan = TST_RET;
		if (fan < 0)
			return;
		TST_EXP_PASS(fanotify_mark(fan, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, "watched"),
			     "fanotify_mark(ADD, FAN_CLOSE_WRITE, watched)");
		TST_EXP_FAIL(read(fan, ev, sizeof(ev)), EAGAIN, "read() with no event yet");
		fd = SAFE_OPEN("watched", O_WRONLY);
		SAFE_WRITE(1, fd, "x", 1);
		SAFE_CLOSE(fd);
		len = read(fan, ev, sizeof(ev));
		TST_EXP_EQ_SSZ(len, sizeof(ev[0]));
		if (len >= (ssize_t)sizeof(ev[0])) {
			TST_EXP_EQ_LU(ev[0].mask, FAN_CLOSE_WRITE);
			TST_EXP_EQ_LI(ev[0].pid, getpid());
			TST_EXP_EQ_LI(ev[0].vers, FANOTIFY_METADATA_VERSION);
			TST_EXP_EXPR(ev[0].fd >= 0, "the event carries an fd");
			if (ev[0].fd >= 0)
				SAFE_CLOSE(ev[0].fd);
		}
		TST_EXP_PASS(fanotify_mark(fan, FAN_MARK_REMOVE, FAN_CLOSE_WRITE, AT_FDCWD, "watched"),
			     "fanotify_mark(REMOVE)");
		SAFE_CLOSE(fan);
		break;
	case 1:
		TST_EXP_FAIL(fanotify_init(0x40000000, O_RDONLY), EINVAL,
			     "fanotify_init() with an unknown flag");
		fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY);
		if (fan < 0)
			tst_brk(TBROK | TERRNO, "fanotify_init()");
		TST_EXP_FAIL(fanotify_mark(fan, FAN_MARK_ADD | 0x40000000, FAN_CLOSE_WRITE, AT_FDCWD,
					   "watched"), EINVAL, "fanotify_mark() with an unknown flag");
		TST_EXP_FAIL(fanotify_mark(fan, FAN_MARK_ADD, 0, AT_FDCWD, "watched"), EINVAL,
			     "fanotify_mark(ADD) of an empty mask");
		TST_EXP_FAIL(fanotify_mark(fan, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, "missing"),
			     ENOENT, "fanotify_mark() of a missing path");
		fd = SAFE_OPEN("watched", O_RDONLY);
		TST_EXP_FAIL(fanotify_mark(fd, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, "watched"),
			     EINVAL, "fanotify_mark() on a regular file's fd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(fanotify_mark(999, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, "watched"),
			     EBADF, "fanotify_mark() on a closed fd");
		SAFE_CLOSE(fan);
		break;
	}
}

static void setup(void)
{
	int fd;

	errno = 0;
	fd = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY);
	if (fd < 0 && (errno == ENOSYS || errno == EPERM))
		tst_brk(TCONF | TERRNO, "fanotify not available");
	if (fd >= 0)
		SAFE_CLOSE(fd);
	SAFE_TOUCH("watched", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
