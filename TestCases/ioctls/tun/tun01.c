/* TUN/TAP: TUNSETIFF on /dev/net/tun creates a tap interface (IFF_TAP |
 * IFF_NO_PI) under the requested name, TUNGETIFF reports it, the interface
 * is then visible to SIOCGIFINDEX, TUNGETFEATURES lists IFF_TAP; a second
 * TUNSETIFF on the same fd is EEXIST; EBADFD for TUNGETIFF before
 * TUNSETIFF; closing the fd removes the (non-persistent) interface. TCONF
 * without /dev/net/tun or CAP_NET_ADMIN.
 * SYSCALLS: ioctl openat socket close geteuid
 * IOCTLS: TUNSETIFF TUNGETIFF TUNGETFEATURES SIOCGIFINDEX */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/if_tun.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static void run(void)
{
	struct ifreq ifr, got;
	unsigned int feat = 0;
	int fd, s;

	fd = open("/dev/net/tun", O_RDWR);
	if (fd < 0)
		tst_brk(TCONF | TERRNO, "/dev/net/tun is not available");
	TST_EXP_FAIL(ioctl(fd, TUNGETIFF, &got), EBADFD, "TUNGETIFF before TUNSETIFF");
	TST_EXP_PASS(ioctl(fd, TUNGETFEATURES, &feat), "TUNGETFEATURES");
	TST_EXP_EXPR(feat & IFF_TAP, "features 0x%x include IFF_TAP", feat);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "ferrytap%d", getpid() % 10000);
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	TEST(ioctl(fd, TUNSETIFF, &ifr));
	if (TST_RET == -1 && TST_ERR == EPERM)
		tst_brk(TCONF, "TUNSETIFF needs CAP_NET_ADMIN");
	TST_EXP_EXPR(TST_RET == 0, "TUNSETIFF creates %s", ifr.ifr_name);
	memset(&got, 0, sizeof(got));
	TST_EXP_PASS(ioctl(fd, TUNGETIFF, &got), "TUNGETIFF");
	TST_EXP_EXPR(!strcmp(got.ifr_name, ifr.ifr_name) && (got.ifr_flags & IFF_TAP), "name and IFF_TAP read back");
	s = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
	TST_EXP_PASS(ioctl(s, SIOCGIFINDEX, &ifr), "SIOCGIFINDEX finds the tap");
	TST_EXP_FAIL(ioctl(fd, TUNSETIFF, &ifr), EEXIST, "second TUNSETIFF on the fd");
	SAFE_CLOSE(fd);
	TST_EXP_FAIL(ioctl(s, SIOCGIFINDEX, &ifr), ENODEV, "interface gone after close");
	SAFE_CLOSE(s);
}

static struct tst_test test = {
	.test_all = run,
	.needs_root = 1,
};
