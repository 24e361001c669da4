/* KVM: KVM_GET_API_VERSION is 12, KVM_CHECK_EXTENSION(KVM_CAP_USER_MEMORY)
 * is positive, KVM_GET_VCPU_MMAP_SIZE is at least a page, KVM_CREATE_VM
 * returns a VM fd on which KVM_CREATE_VCPU returns a vCPU fd and a second
 * vCPU with the same id is EEXIST; EINVAL for KVM_CREATE_VM with an unknown
 * machine type; ENOTTY for KVM_GET_API_VERSION on /dev/null. TCONF without
 * a usable /dev/kvm.
 * SYSCALLS: ioctl openat close
 * IOCTLS: KVM_GET_API_VERSION KVM_CHECK_EXTENSION KVM_GET_VCPU_MMAP_SIZE KVM_CREATE_VM KVM_CREATE_VCPU */
#include <sys/ioctl.h>
#include <linux/kvm.h>
#include "tst_test.h"

static int kvm = -1;

static void setup(void)
{
	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		tst_brk(TCONF | TERRNO, "/dev/kvm is not usable");
	/* The kernel never answers ENOSYS here; an emulator without KVM
	 * ioctl translation does. */
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) == -1 && errno == ENOSYS)
		tst_brk(TCONF, "KVM ioctls not implemented (emulator?)");
}

static void cleanup(void)
{
	if (kvm >= 0)
		close(kvm);
}

static void run(unsigned int n)
{
	int vm, vcpu, nul;

	switch (n) {
	case 0:
		TST_EXP_VAL(ioctl(kvm, KVM_GET_API_VERSION, 0), 12, "KVM_GET_API_VERSION");
		TST_EXP_POSITIVE(ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY), "KVM_CAP_USER_MEMORY");
		TEST(ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0));
		TST_EXP_EXPR(TST_RET >= 4096, "KVM_GET_VCPU_MMAP_SIZE %ld", TST_RET);
		break;
	case 1:
		vm = ioctl(kvm, KVM_CREATE_VM, 0);
		if (vm < 0)
			tst_brk(TCONF | TERRNO, "KVM_CREATE_VM");
		tst_res(TPASS, "KVM_CREATE_VM returned fd %d", vm);
		vcpu = TST_EXP_FD(ioctl(vm, KVM_CREATE_VCPU, 0), "KVM_CREATE_VCPU 0");
		TST_EXP_FAIL2(ioctl(vm, KVM_CREATE_VCPU, 0), EEXIST, "KVM_CREATE_VCPU 0 again");
		if (vcpu >= 0)
			SAFE_CLOSE(vcpu);
		SAFE_CLOSE(vm);
		break;
	case 2:
		TST_EXP_FAIL2(ioctl(kvm, KVM_CREATE_VM, 0x7f), EINVAL, "KVM_CREATE_VM type 0x7f");
		nul = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL2(ioctl(nul, KVM_GET_API_VERSION, 0), ENOTTY, "KVM_GET_API_VERSION on /dev/null");
		SAFE_CLOSE(nul);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
