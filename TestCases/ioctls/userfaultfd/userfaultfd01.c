/* userfaultfd: UFFDIO_API handshake reports the supported ioctls;
 * UFFDIO_REGISTER (MISSING) on an anonymous range; a thread touching a page
 * produces a UFFD_EVENT_PAGEFAULT message read from the fd, UFFDIO_COPY
 * fills the page and wakes it, UFFDIO_ZEROPAGE fills another; UFFDIO_
 * UNREGISTER; EINVAL for a second UFFDIO_API and for an unaligned
 * register range and for userfaultfd() with unknown flags, EEXIST for
 * UFFDIO_COPY over a present page. TCONF if
 * userfaultfd is not permitted.
 * SYSCALLS: userfaultfd ioctl read ppoll mmap munmap close clone exit madvise rt_sigprocmask futex
 * IOCTLS: UFFDIO_API UFFDIO_REGISTER UFFDIO_COPY UFFDIO_ZEROPAGE UFFDIO_UNREGISTER */
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/userfaultfd.h>
#include "tst_test.h"

#define PG 4096

static int uffd = -1;
static char *area;
static volatile char seen;

static void *toucher(void *arg)
{
	seen = area[10];
	return NULL;
}

static void setup(void)
{
	uffd = syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0 && (errno == ENOSYS || errno == EPERM))
		tst_brk(TCONF | TERRNO, "userfaultfd()");
	if (uffd < 0)
		tst_brk(TBROK | TERRNO, "userfaultfd()");
	area = SAFE_MMAP(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void cleanup(void)
{
	if (uffd >= 0)
		close(uffd);
}

static void run(void)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = { .range = { (uintptr_t)area, 4 * PG }, .mode = UFFDIO_REGISTER_MODE_MISSING };
	struct uffdio_copy cp;
	struct uffdio_zeropage zp;
	struct uffd_msg msg;
	struct pollfd pfd = { .fd = uffd, .events = POLLIN };
	char *src;
	pthread_t th;

	TST_EXP_PASS(ioctl(uffd, UFFDIO_API, &api), "UFFDIO_API");
	TST_EXP_EXPR(api.ioctls & (1ULL << _UFFDIO_REGISTER), "API lists UFFDIO_REGISTER");
	TST_EXP_FAIL(ioctl(uffd, UFFDIO_API, &api), EINVAL, "second UFFDIO_API");
	TST_EXP_FAIL(syscall(__NR_userfaultfd, 0x12340000), EINVAL, "userfaultfd() with unknown flags");
	TST_EXP_PASS(ioctl(uffd, UFFDIO_REGISTER, &reg), "UFFDIO_REGISTER MISSING on 4 pages");
	TST_EXP_EXPR(reg.ioctls & (1ULL << _UFFDIO_COPY), "range supports UFFDIO_COPY");

	pthread_create(&th, NULL, toucher, NULL);
	TST_EXP_VAL(poll(&pfd, 1, 5000), 1, "fault event becomes readable");
	TST_EXP_VAL(read(uffd, &msg, sizeof(msg)), sizeof(msg), "read uffd_msg");
	TST_EXP_EXPR(msg.event == UFFD_EVENT_PAGEFAULT &&
		     (msg.arg.pagefault.address & ~(uintptr_t)(PG - 1)) == (uintptr_t)area,
		     "UFFD_EVENT_PAGEFAULT at the touched page");
	src = SAFE_MMAP(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(src, 'u', PG);
	cp = (struct uffdio_copy){ .dst = (uintptr_t)area, .src = (uintptr_t)src, .len = PG };
	TST_EXP_PASS(ioctl(uffd, UFFDIO_COPY, &cp), "UFFDIO_COPY resolves the fault");
	pthread_join(th, NULL);
	TST_EXP_EXPR(seen == 'u' && cp.copy == PG, "the faulting thread read the copied 'u'");
	TST_EXP_FAIL(ioctl(uffd, UFFDIO_COPY, &cp), EEXIST, "UFFDIO_COPY over a present page");
	zp = (struct uffdio_zeropage){ .range = { (uintptr_t)area + PG, PG } };
	TST_EXP_PASS(ioctl(uffd, UFFDIO_ZEROPAGE, &zp), "UFFDIO_ZEROPAGE");
	TST_EXP_EXPR(area[PG] == 0 && area[PG + 100] == 0, "zero page readable without a fault");
	reg.range.start = (uintptr_t)area + 1;
	TST_EXP_FAIL(ioctl(uffd, UFFDIO_REGISTER, &reg), EINVAL, "unaligned register range");
	TST_EXP_PASS(ioctl(uffd, UFFDIO_UNREGISTER, &(struct uffdio_range){ (uintptr_t)area, 4 * PG }),
		     "UFFDIO_UNREGISTER");
	TST_EXP_EXPR(area[3 * PG] == 0, "after unregistering, a missing page is plain zero-fill");
	SAFE_MUNMAP(src, PG);
}

static struct tst_test test = {
	.test_all = run,
	.setup = setup,
	.cleanup = cleanup,
};
