/* Pseudo-terminal ioctls beyond the basics: TIOCGPTPEER opens the slave
 * from the master; TIOCOUTQ/TIOCINQ count queued bytes and TCFLSH discards
 * them; TCSETSW/TCSETSF apply settings; in a new session TIOCSCTTY makes
 * the slave the controlling tty, TIOCGSID/TIOCGPGRP report the session and
 * foreground group, TIOCSPGRP of a missing group is ESRCH; TIOCEXCL and
 * TIOCNXCL succeed and the slave opens again afterwards; ENOTTY on a pipe.
 * SYSCALLS: ioctl openat write close setsid setpgid clone wait4 exit_group pipe2 ppoll
 * IOCTLS: TIOCGPTPEER TIOCSPTLCK TIOCGPTN TIOCOUTQ TIOCINQ TCFLSH TCGETS TCSETSW TCSETSF TIOCSCTTY TIOCGSID TIOCGPGRP TIOCSPGRP TIOCEXCL TIOCNXCL */
#include <sys/ioctl.h>
#include <termios.h>
#include <poll.h>
#include "tst_test.h"

#ifndef TIOCGPTPEER
# define TIOCGPTPEER _IO('T', 0x41)
#endif

static int master = -1, slave = -1;

static void setup(void)
{
	int unlock = 0;
	struct termios t;

	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0)
		tst_brk(TCONF | TERRNO, "/dev/ptmx is not available");
	SAFE_IOCTL(master, TIOCSPTLCK, &unlock);
	slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	if (slave < 0)
		tst_brk(TCONF | TERRNO, "TIOCGPTPEER");
	SAFE_IOCTL(slave, TCGETS, &t);
	cfmakeraw(&t);
	SAFE_IOCTL(slave, TCSETS, &t);
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
	struct pollfd pfd = { .fd = slave, .events = POLLIN };
	struct termios t, t2;
	int q = -1, fd, p[2], status;
	char path[64];
	pid_t pid;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY), "TIOCGPTPEER");
		SAFE_WRITE(SAFE_WRITE_ALL, master, "peer", 4);
		pfd.fd = fd;
		poll(&pfd, 1, 2000);
		TST_EXP_PASS(ioctl(fd, TIOCINQ, &q), "TIOCINQ on the peer");
		TST_EXP_EQ_LI(q, 4);
		SAFE_IOCTL(fd, TCFLSH, TCIFLUSH);
		ioctl(fd, TIOCINQ, &q);
		TST_EXP_EQ_LI(q, 0);
		SAFE_CLOSE(fd);
		break;
	case 1:
		SAFE_WRITE(SAFE_WRITE_ALL, slave, "out", 3);
		TST_EXP_PASS(ioctl(slave, TIOCOUTQ, &q), "TIOCOUTQ");
		TST_EXP_EXPR(q >= 0 && q <= 3, "TIOCOUTQ %d within 0..3", q);
		TST_EXP_PASS(ioctl(master, TCFLSH, TCIOFLUSH), "TCFLSH(TCIOFLUSH) on the master");
		pfd.fd = master;
		TST_EXP_VAL(poll(&pfd, 1, 0), 0, "nothing left to read on the master");
		break;
	case 2:
		SAFE_IOCTL(slave, TCGETS, &t);
		t.c_cc[VMIN] = 3;
		TST_EXP_PASS(ioctl(slave, TCSETSW, &t), "TCSETSW VMIN 3");
		t.c_cc[VTIME] = 7;
		TST_EXP_PASS(ioctl(slave, TCSETSF, &t), "TCSETSF VTIME 7");
		SAFE_IOCTL(slave, TCGETS, &t2);
		TST_EXP_EXPR(t2.c_cc[VMIN] == 3 && t2.c_cc[VTIME] == 7, "VMIN/VTIME read back");
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			pid_t sid = setsid(), got = 0, pg;

			TST_EXP_PASS(ioctl(slave, TIOCSCTTY, 0), "TIOCSCTTY in a new session");
			TST_EXP_PASS(ioctl(slave, TIOCGSID, &got), "TIOCGSID");
			TST_EXP_EQ_LI(got, sid);
			TST_EXP_PASS(ioctl(slave, TIOCGPGRP, &pg), "TIOCGPGRP");
			TST_EXP_EQ_LI(pg, sid);
			TST_EXP_FAIL(ioctl(slave, TIOCSPGRP, &(pid_t){ 0x3ffffff0 }), ESRCH, "TIOCSPGRP missing group");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 4:
		TST_EXP_PASS(ioctl(slave, TIOCEXCL), "TIOCEXCL");
		TST_EXP_PASS(ioctl(slave, TIOCNXCL), "TIOCNXCL");
		ioctl(master, TIOCGPTN, &q);
		snprintf(path, sizeof(path), "/dev/pts/%d", q);
		fd = TST_EXP_FD(open(path, O_RDWR | O_NOCTTY), "open() after TIOCNXCL");
		if (fd >= 0)
			SAFE_CLOSE(fd);
		SAFE_PIPE(p);
		TST_EXP_FAIL(ioctl(p[0], TIOCGPTPEER, O_RDWR), ENOTTY, "TIOCGPTPEER on a pipe");
		TST_EXP_FAIL(ioctl(p[0], TIOCOUTQ, &q), ENOTTY, "TIOCOUTQ on a pipe");
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
	.forks_child = 1,
};
