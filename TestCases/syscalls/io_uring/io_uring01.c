/* io_uring: io_uring_setup() makes a ring whose SQ, CQ and SQE areas map at
 * their offsets; a NOP and a READ submitted with io_uring_enter() complete
 * with their user_data and results; io_uring_register() registers and
 * unregisters a file table. Errors: EINVAL (0 entries, unknown flags, an
 * unknown register opcode), EFAULT, EBADF, EOPNOTSUPP (enter on a non-ring
 * fd), ENXIO (unregistering files never registered).
 * SYSCALLS: io_uring_setup io_uring_enter io_uring_register mmap munmap pipe2 */
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_io_uring_setup
# define __NR_io_uring_setup 425
#endif
#ifndef __NR_io_uring_enter
# define __NR_io_uring_enter 426
#endif
#ifndef __NR_io_uring_register
# define __NR_io_uring_register 427
#endif

struct ring {
	int fd;
	struct io_uring_params p;
	void *sq, *cq;
	struct io_uring_sqe *sqes;
	size_t sqlen, cqlen, sqelen;
};

static int ring_setup(struct ring *r)
{
	memset(r, 0, sizeof(*r));
	r->fd = tst_syscall(__NR_io_uring_setup, 4, &r->p);
	if (r->fd < 0)
		return -1;
	r->sqlen = r->p.sq_off.array + r->p.sq_entries * sizeof(unsigned int);
	r->cqlen = r->p.cq_off.cqes + r->p.cq_entries * sizeof(struct io_uring_cqe);
	r->sqelen = r->p.sq_entries * sizeof(struct io_uring_sqe);
	r->sq = SAFE_MMAP(NULL, r->sqlen, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
			  r->fd, IORING_OFF_SQ_RING);
	r->cq = SAFE_MMAP(NULL, r->cqlen, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
			  r->fd, IORING_OFF_CQ_RING);
	r->sqes = SAFE_MMAP(NULL, r->sqelen, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
			    r->fd, IORING_OFF_SQES);
	return 0;
}

static void ring_close(struct ring *r)
{
	SAFE_MUNMAP(r->sqes, r->sqelen);
	SAFE_MUNMAP(r->cq, r->cqlen);
	SAFE_MUNMAP(r->sq, r->sqlen);
	SAFE_CLOSE(r->fd);
}

#define U32(base, off) ((unsigned int *)((char *)(base) + (off)))

/* Queues one SQE (at the tail) and publishes it. */
static void ring_push(struct ring *r, const struct io_uring_sqe *sqe)
{
	unsigned int tail = *U32(r->sq, r->p.sq_off.tail);
	unsigned int idx = tail & *U32(r->sq, r->p.sq_off.ring_mask);

	r->sqes[idx] = *sqe;
	U32(r->sq, r->p.sq_off.array)[idx] = idx;
	__atomic_store_n(U32(r->sq, r->p.sq_off.tail), tail + 1, __ATOMIC_RELEASE);
}

/* Takes one CQE off the head; returns 0 if the CQ is empty. */
static int ring_pop(struct ring *r, struct io_uring_cqe *out)
{
	unsigned int head = *U32(r->cq, r->p.cq_off.head);
	unsigned int tail = __atomic_load_n(U32(r->cq, r->p.cq_off.tail), __ATOMIC_ACQUIRE);
	struct io_uring_cqe *cqes = (void *)((char *)r->cq + r->p.cq_off.cqes);

	if (head == tail)
		return 0;
	*out = cqes[head & *U32(r->cq, r->p.cq_off.ring_mask)];
	__atomic_store_n(U32(r->cq, r->p.cq_off.head), head + 1, __ATOMIC_RELEASE);
	return 1;
}

static void run(unsigned int n)
{
	struct ring r;
	struct io_uring_sqe sqe;
	struct io_uring_cqe cqe;
	struct io_uring_params p;
	char buf[16] = "";
	int fds[2], fd;

	switch (n) {
	case 0:
		if (ring_setup(&r)) {
			tst_res(TFAIL | TERRNO, "io_uring_setup(4)");
			return;
		}
		tst_res(TPASS, "io_uring_setup(4) gave fd %d, %u SQ / %u CQ entries",
			r.fd, r.p.sq_entries, r.p.cq_entries);
		TST_EXP_EXPR(r.p.sq_entries == 4 && r.p.cq_entries == 8,
			     "entries rounded as the kernel documents (4 SQ, 2x CQ)");
		memset(&sqe, 0, sizeof(sqe));
		sqe.opcode = IORING_OP_NOP;
		sqe.user_data = 0xfeed;
		ring_push(&r, &sqe);
		TST_EXP_VAL(syscall(__NR_io_uring_enter, r.fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0),
			    1, "io_uring_enter(NOP, wait 1)");
		TST_EXP_EXPR(ring_pop(&r, &cqe) && cqe.user_data == 0xfeed && cqe.res == 0,
			     "NOP completion has user_data 0xfeed and res 0");

		SAFE_PIPE(fds);
		SAFE_WRITE(1, fds[1], "uring", 5);
		memset(&sqe, 0, sizeof(sqe));
		sqe.opcode = IORING_OP_READ;
		sqe.fd = fds[0];
		sqe.addr = (uintptr_t)buf;
		sqe.len = sizeof(buf);
		sqe.user_data = 7;
		ring_push(&r, &sqe);
		TST_EXP_VAL(syscall(__NR_io_uring_enter, r.fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0),
			    1, "io_uring_enter(READ from a pipe)");
		TST_EXP_EXPR(ring_pop(&r, &cqe) && cqe.user_data == 7 && cqe.res == 5 &&
			     !memcmp(buf, "uring", 5), "READ completion: 5 bytes \"uring\"");
		TST_EXP_VAL(syscall(__NR_io_uring_enter, r.fd, 0, 0, 0, NULL, 0), 0,
			    "io_uring_enter() with nothing to do");
		SAFE_CLOSE(fds[0]);
		SAFE_CLOSE(fds[1]);
		ring_close(&r);
		break;
	case 1:
		if (ring_setup(&r)) {
			tst_res(TFAIL | TERRNO, "io_uring_setup(4)");
			return;
		}
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(syscall(__NR_io_uring_register, r.fd, IORING_UNREGISTER_FILES, NULL, 0),
			     ENXIO, "IORING_UNREGISTER_FILES with no table");
		TST_EXP_PASS(syscall(__NR_io_uring_register, r.fd, IORING_REGISTER_FILES, &fd, 1),
			     "IORING_REGISTER_FILES of one fd");
		TST_EXP_FAIL(syscall(__NR_io_uring_register, r.fd, IORING_REGISTER_FILES, &fd, 1),
			     EBUSY, "IORING_REGISTER_FILES twice");
		TST_EXP_PASS(syscall(__NR_io_uring_register, r.fd, IORING_UNREGISTER_FILES, NULL, 0),
			     "IORING_UNREGISTER_FILES");
		TST_EXP_FAIL(syscall(__NR_io_uring_register, r.fd, 9999, NULL, 0), EINVAL,
			     "io_uring_register() of an unknown opcode");
		TST_EXP_FAIL(syscall(__NR_io_uring_register, fd, IORING_UNREGISTER_FILES, NULL, 0),
			     EOPNOTSUPP, "io_uring_register() on /dev/null");
		TST_EXP_FAIL(syscall(__NR_io_uring_enter, fd, 0, 0, 0, NULL, 0), EOPNOTSUPP,
			     "io_uring_enter() on /dev/null");
		TST_EXP_FAIL(syscall(__NR_io_uring_enter, 999, 0, 0, 0, NULL, 0), EBADF,
			     "io_uring_enter() on a closed fd");
		SAFE_CLOSE(fd);
		ring_close(&r);
		break;
	case 2:
		memset(&p, 0, sizeof(p));
		TST_EXP_FAIL(tst_syscall(__NR_io_uring_setup, 0, &p), EINVAL, "io_uring_setup(0)");
		memset(&p, 0, sizeof(p));
		p.flags = 1u << 31;
		TST_EXP_FAIL(syscall(__NR_io_uring_setup, 4, &p), EINVAL,
			     "io_uring_setup() with an unknown flag");
		memset(&p, 0, sizeof(p));
		p.resv[0] = 1;
		TST_EXP_FAIL(syscall(__NR_io_uring_setup, 4, &p), EINVAL,
			     "io_uring_setup() with a reserved field set");
		TST_EXP_FAIL(syscall(__NR_io_uring_setup, 4, tst_get_bad_addr(NULL)), EFAULT,
			     "io_uring_setup() with unmapped params");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
