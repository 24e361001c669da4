/* Puts the test process in a private mount namespace so nothing it mounts
 * is seen by the machine: unshare(CLONE_NEWNS), then make every mount
 * private so no propagation leaks back. TCONF if the kernel refuses. */
#ifndef MOUNT_NS_H
#define MOUNT_NS_H

#include <sched.h>
#include <sys/mount.h>
#include "tst_test.h"

static inline void enter_private_mount_ns(void)
{
	if (unshare(CLONE_NEWNS))
		tst_brk(TCONF | TERRNO, "unshare(CLONE_NEWNS) refused");
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		tst_brk(TBROK | TERRNO, "mount(/, MS_REC | MS_PRIVATE)");
}

#endif
