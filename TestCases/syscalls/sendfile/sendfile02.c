/* sendfile() to a pipe and to a connected AF_UNIX stream socket: the reader
 * gets exactly the file's bytes (from *offset on); a count of 0 sends nothing
 * and leaves *offset alone.
 * SYSCALLS: sendfile openat close read write pipe2 socketpair */
#include <sys/sendfile.h>
#include <sys/socket.h>
#include "tst_test.h"

static int in = -1;

static void setup(void)
{
	in = SAFE_OPEN("in", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, in, "file-contents", 13);
}

static void cleanup(void)
{
	if (in >= 0)
		SAFE_CLOSE(in);
}

static void run(unsigned int n)
{
	char buf[32] = {0};
	int p[2], sv[2];
	off_t off = 0;

	switch (n) {
	case 0:
		SAFE_PIPE(p);
		TST_EXP_VAL(sendfile(p[1], in, &off, 13), 13, "sendfile() into a pipe");
		TST_EXP_VAL(read(p[0], buf, sizeof(buf)), 13, "read() from the pipe");
		TST_EXP_EXPR(!strcmp(buf, "file-contents"), "the pipe carried the file's bytes");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 1:
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
			tst_brk(TBROK | TERRNO, "socketpair()");
		off = 5;
		TST_EXP_VAL(sendfile(sv[0], in, &off, 8), 8, "sendfile() into a stream socket");
		TST_EXP_VAL(read(sv[1], buf, sizeof(buf)), 8, "read() from the peer socket");
		TST_EXP_EXPR(!strcmp(buf, "contents"), "the socket carried 'contents'");
		SAFE_CLOSE(sv[0]);
		SAFE_CLOSE(sv[1]);
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_VAL(sendfile(p[1], in, &off, 0), 0, "sendfile() of 0 bytes");
		TST_EXP_EQ_LI(off, 0);
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
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
