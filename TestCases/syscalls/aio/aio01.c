/* Kernel AIO: io_setup() creates a context, io_submit() queues a pwrite and
 * a pread on a file, io_getevents()/io_pgetevents() reap them with the byte
 * counts and data, io_destroy() frees the context. Errors: EINVAL for a
 * zero nr_events, a non-zero ctx, a bad context, an unknown opcode, min > max
 * and io_cancel() of an iocb that is not in flight; EFAULT; EBADF.
 * SYSCALLS: io_setup io_submit io_getevents io_pgetevents io_cancel io_destroy */
#include <linux/aio_abi.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#define FNAME "aio_file"

static int fd = -1;

static void prep(struct iocb *cb, int op, void *buf, size_t len, long long off)
{
	memset(cb, 0, sizeof(*cb));
	cb->aio_lio_opcode = op;
	cb->aio_fildes = fd;
	cb->aio_buf = (uintptr_t)buf;
	cb->aio_nbytes = len;
	cb->aio_offset = off;
	cb->aio_data = 0x1234 + op;
}

static void run(unsigned int n)
{
	aio_context_t ctx = 0, ctx2;
	struct iocb cb, cb2, *list[1];
	struct io_event ev[2];
	struct timespec ts = { 1, 0 };
	char out[] = "ferry aio data", in[sizeof(out)];

	TST_EXP_PASS(tst_syscall(__NR_io_setup, 4, &ctx), "io_setup(4)");
	if (!TST_PASS)
		return;
	switch (n) {
	case 0:
		ctx2 = 1;
		TST_EXP_FAIL(syscall(__NR_io_setup, 4, &ctx2), EINVAL, "io_setup() with *ctx != 0");
		ctx2 = 0;
		TST_EXP_FAIL(syscall(__NR_io_setup, 0, &ctx2), EINVAL, "io_setup(0 events)");
		TST_EXP_FAIL(syscall(__NR_io_setup, 4, tst_get_bad_addr(NULL)), EFAULT,
			     "io_setup() with an unmapped ctx pointer");
		TST_EXP_FAIL(syscall(__NR_io_destroy, 0), EINVAL, "io_destroy(0)");
		break;
	case 1:
		prep(&cb, IOCB_CMD_PWRITE, out, sizeof(out), 0);
		list[0] = &cb;
		TST_EXP_VAL(syscall(__NR_io_submit, ctx, 1, list), 1, "io_submit(pwrite)");
		TST_EXP_VAL(syscall(__NR_io_getevents, ctx, 1, 2, ev, &ts), 1, "io_getevents()");
		TST_EXP_EQ_LU(ev[0].data, 0x1234 + IOCB_CMD_PWRITE);
		TST_EXP_EQ_LI(ev[0].res, sizeof(out));
		TST_EXP_EQ_LU(ev[0].obj, (uintptr_t)&cb);
		memset(in, 0, sizeof(in));
		prep(&cb2, IOCB_CMD_PREAD, in, sizeof(in), 0);
		list[0] = &cb2;
		TST_EXP_VAL(syscall(__NR_io_submit, ctx, 1, list), 1, "io_submit(pread)");
		TST_EXP_VAL(syscall(__NR_io_pgetevents, ctx, 1, 2, ev, &ts, NULL), 1,
			    "io_pgetevents()");
		TST_EXP_EQ_LI(ev[0].res, sizeof(out));
		TST_EXP_EQ_STR(in, out);
		ts.tv_sec = 0;
		TST_EXP_VAL(syscall(__NR_io_getevents, ctx, 0, 2, ev, &ts), 0,
			    "io_getevents() with nothing pending");
		break;
	case 2:
		prep(&cb, IOCB_CMD_PREAD, in, sizeof(in), 0);
		list[0] = &cb;
		TST_EXP_FAIL(syscall(__NR_io_submit, ctx + 4096 * 16, 1, list), EINVAL,
			     "io_submit() on a bad context");
		TST_EXP_FAIL(syscall(__NR_io_submit, ctx, -1L, list), EINVAL, "io_submit(nr = -1)");
		cb.aio_lio_opcode = 99;
		TST_EXP_FAIL(syscall(__NR_io_submit, ctx, 1, list), EINVAL,
			     "io_submit() of an unknown opcode");
		prep(&cb, IOCB_CMD_PREAD, in, sizeof(in), 0);
		cb.aio_fildes = 999;
		TST_EXP_FAIL(syscall(__NR_io_submit, ctx, 1, list), EBADF,
			     "io_submit() on a closed fd");
		TST_EXP_FAIL(syscall(__NR_io_submit, ctx, 1, tst_get_bad_addr(NULL)), EFAULT,
			     "io_submit() of an unmapped iocb list");
		TST_EXP_FAIL(syscall(__NR_io_getevents, ctx, 2, 1, ev, &ts), EINVAL,
			     "io_getevents(min 2 > max 1)");
		TST_EXP_FAIL(syscall(__NR_io_pgetevents, ctx, 2, 1, ev, &ts, NULL), EINVAL,
			     "io_pgetevents(min 2 > max 1)");
		TST_EXP_FAIL(syscall(__NR_io_pgetevents, ctx + 4096 * 16, 0, 1, ev, &ts, NULL), EINVAL,
			     "io_pgetevents() on a bad context");
		prep(&cb, IOCB_CMD_PREAD, in, sizeof(in), 0);
		TST_EXP_FAIL(syscall(__NR_io_cancel, ctx, &cb, ev), EINVAL,
			     "io_cancel() of an iocb not in flight");
		break;
	}
	TST_EXP_PASS(syscall(__NR_io_destroy, ctx), "io_destroy()");
	TST_EXP_FAIL(syscall(__NR_io_destroy, ctx), EINVAL, "io_destroy() twice");
}

static void setup(void)
{
	fd = SAFE_OPEN(FNAME, O_RDWR | O_CREAT | O_TRUNC, 0644);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
