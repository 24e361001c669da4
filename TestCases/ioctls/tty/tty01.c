/* Pseudo-terminal ioctls: TIOCGPTN and TIOCSPTLCK on /dev/ptmx, TCGETS and
 * TCSETS round-trip on the slave, TIOCSWINSZ/TIOCGWINSZ, data crossing
 * master->slave in raw mode, FIONREAD on the slave; ENOTTY for TCGETS on a
 * regular file and on a pipe.
 * SYSCALLS: ioctl openat read write close pipe2 ppoll
 * IOCTLS: TIOCGPTN TIOCSPTLCK TCGETS TCSETS TIOCGWINSZ TIOCSWINSZ FIONREAD */
#include <sys/ioctl.h>
#include <termios.h>
#include <poll.h>
#include "tst_test.h"

static int master = -1, slave = -1;

static void setup(void)
{
	char path[64];
	int n, unlock = 0;

	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0)
		tst_brk(TCONF | TERRNO, "/dev/ptmx is not available");
	if (ioctl(master, TIOCGPTN, &n))
		tst_brk(TBROK | TERRNO, "ioctl(TIOCGPTN)");
	SAFE_IOCTL(master, TIOCSPTLCK, &unlock);
	snprintf(path, sizeof(path), "/dev/pts/%d", n);
	slave = open(path, O_RDWR | O_NOCTTY);
	if (slave < 0)
		tst_brk(TCONF | TERRNO, "cannot open %s (is devpts mounted?)", path);
}

static void cleanup(void)
{
	if (slave >= 0)
		SAFE_CLOSE(slave);
	if (master >= 0)
		SAFE_CLOSE(master);
}

static void run(unsigned int n)
{
	struct termios t, t2;
	struct winsize ws = { .ws_row = 33, .ws_col = 101 }, ws2;
	struct pollfd pfd;
	char buf[8] = {0};
	int ptn = -1, avail = -1, fd, p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(ioctl(master, TIOCGPTN, &ptn), "TIOCGPTN");
		TST_EXP_EXPR(ptn >= 0, "pty number %d is non-negative", ptn);
		break;
	case 1:
		TST_EXP_PASS(ioctl(slave, TCGETS, &t), "TCGETS on the slave");
		cfmakeraw(&t);
		TST_EXP_PASS(ioctl(slave, TCSETS, &t), "TCSETS raw mode");
		memset(&t2, 0, sizeof(t2));
		SAFE_IOCTL(slave, TCGETS, &t2);
		TST_EXP_EXPR(!(t2.c_lflag & (ICANON | ECHO)) && (t2.c_cflag & CS8) == CS8,
			     "raw mode read back (lflag 0x%x)", t2.c_lflag);
		break;
	case 2:
		TST_EXP_PASS(ioctl(master, TIOCSWINSZ, &ws), "TIOCSWINSZ 33x101");
		memset(&ws2, 0, sizeof(ws2));
		TST_EXP_PASS(ioctl(slave, TIOCGWINSZ, &ws2), "TIOCGWINSZ on the slave");
		TST_EXP_EXPR(ws2.ws_row == 33 && ws2.ws_col == 101, "window size %ux%u",
			     ws2.ws_row, ws2.ws_col);
		break;
	case 3:
		SAFE_IOCTL(slave, TCGETS, &t);
		cfmakeraw(&t);
		SAFE_IOCTL(slave, TCSETS, &t);
		SAFE_WRITE(SAFE_WRITE_ALL, master, "tty", 3);
		pfd = (struct pollfd){ .fd = slave, .events = POLLIN };
		poll(&pfd, 1, 2000);
		TST_EXP_PASS(ioctl(slave, FIONREAD, &avail), "FIONREAD on the slave");
		TST_EXP_EQ_LI(avail, 3);
		SAFE_READ(1, slave, buf, 3);
		TST_EXP_EXPR(!memcmp(buf, "tty", 3), "master->slave data intact");
		break;
	case 4:
		fd = SAFE_OPEN("regular", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL(ioctl(fd, TCGETS, &t), ENOTTY, "TCGETS on a regular file");
		SAFE_CLOSE(fd);
		SAFE_PIPE(p);
		TST_EXP_FAIL(ioctl(p[0], TCGETS, &t), ENOTTY, "TCGETS on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
