/* Socket interface ioctls on lo: SIOCGIFINDEX and SIOCGIFNAME map "lo" to
 * its index and back (matching if_nametoindex), SIOCGIFFLAGS shows it up
 * and IFF_LOOPBACK, SIOCGIFMTU is positive, SIOCGIFADDR is 127.0.0.1,
 * SIOCGIFCONF lists it; SIOCINQ/SIOCOUTQ count queued bytes on a UDP and a
 * TCP socket; ENODEV for an unknown interface name and index.
 * SYSCALLS: ioctl socket bind getsockname sendto close
 * IOCTLS: SIOCGIFINDEX SIOCGIFNAME SIOCGIFFLAGS SIOCGIFMTU SIOCGIFADDR SIOCGIFCONF SIOCINQ SIOCOUTQ */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include "tst_test.h"
#include "tst_safe_net.h"

static int s = -1;

static void setup(void)
{
	s = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
}

static void cleanup(void)
{
	if (s >= 0)
		SAFE_CLOSE(s);
}

static void run(unsigned int n)
{
	struct ifreq ifr, list[32];
	struct ifconf ifc = { .ifc_len = sizeof(list), .ifc_req = list };
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int i, found = 0, q = -1, u;

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	switch (n) {
	case 0:
		TST_EXP_PASS(ioctl(s, SIOCGIFINDEX, &ifr), "SIOCGIFINDEX lo");
		TST_EXP_EQ_LI(ifr.ifr_ifindex, if_nametoindex("lo"));
		memset(ifr.ifr_name, 0, sizeof(ifr.ifr_name));
		TST_EXP_PASS(ioctl(s, SIOCGIFNAME, &ifr), "SIOCGIFNAME");
		TST_EXP_EQ_STR(ifr.ifr_name, "lo");
		break;
	case 1:
		TST_EXP_PASS(ioctl(s, SIOCGIFFLAGS, &ifr), "SIOCGIFFLAGS lo");
		TST_EXP_EXPR((ifr.ifr_flags & IFF_UP) && (ifr.ifr_flags & IFF_LOOPBACK), "lo is up and loopback");
		TST_EXP_PASS(ioctl(s, SIOCGIFMTU, &ifr), "SIOCGIFMTU lo");
		TST_EXP_EXPR(ifr.ifr_mtu > 0, "mtu %d", ifr.ifr_mtu);
		TST_EXP_PASS(ioctl(s, SIOCGIFADDR, &ifr), "SIOCGIFADDR lo");
		TST_EXP_EXPR(((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
			     "address 127.0.0.1");
		break;
	case 2:
		TST_EXP_PASS(ioctl(s, SIOCGIFCONF, &ifc), "SIOCGIFCONF");
		for (i = 0; i < ifc.ifc_len / (int)sizeof(struct ifreq); i++)
			found |= !strcmp(list[i].ifr_name, "lo");
		TST_EXP_EXPR(found, "lo listed among %d interfaces", ifc.ifc_len / (int)sizeof(struct ifreq));
		break;
	case 3:
		u = SAFE_SOCKET(AF_INET, SOCK_DGRAM, 0);
		SAFE_BIND(u, (struct sockaddr *)&a, sizeof(a));
		SAFE_GETSOCKNAME(u, (struct sockaddr *)&a, &len);
		SAFE_SENDTO(1, s, "12345", 5, 0, (struct sockaddr *)&a, sizeof(a));
		TST_EXP_PASS(ioctl(u, SIOCINQ, &q), "SIOCINQ on UDP");
		TST_EXP_EQ_LI(q, 5);
		TST_EXP_PASS(ioctl(u, SIOCOUTQ, &q), "SIOCOUTQ on UDP");
		TST_EXP_EQ_LI(q, 0);
		SAFE_CLOSE(u);
		break;
	case 4:
		strcpy(ifr.ifr_name, "ferry-nosuch");
		TST_EXP_FAIL(ioctl(s, SIOCGIFINDEX, &ifr), ENODEV, "SIOCGIFINDEX of a missing interface");
		TST_EXP_FAIL(ioctl(s, SIOCGIFFLAGS, &ifr), ENODEV, "SIOCGIFFLAGS of a missing interface");
		ifr.ifr_ifindex = 0x7ffffff0;
		TST_EXP_FAIL(ioctl(s, SIOCGIFNAME, &ifr), ENODEV, "SIOCGIFNAME of a missing index");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
