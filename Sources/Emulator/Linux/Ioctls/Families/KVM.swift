extension IoctlFamilies {
    /// KVM (0xAE: linux/kvm.h). The _IO requests that take a value, and the structs that carry
    /// guest addresses; the rest follow the table's declared types.
    static let kvm = IoctlFamilyDescription("kvm", types: [0xae], prefixes: ["KVM_"], [
        ("KVM_CREATE_VM", .value), ("KVM_CHECK_EXTENSION", .value), ("KVM_CREATE_VCPU", .value),
        ("KVM_SET_NR_MMU_PAGES", .value), ("KVM_SET_TSS_ADDR", .value), ("KVM_SET_TSC_KHZ", .value),
        ("KVM_REINJECT_CONTROL", .value), ("KVM_SET_BOOT_CPU_ID", .value), ("KVM_RUN", .value),
        ("KVM_SET_USER_MEMORY_REGION", .table(.structure("kvm_userspace_memory_region", pointers: ["userspace_addr"]))),
        ("KVM_GET_DIRTY_LOG", .write(.structure("kvm_dirty_log", pointers: ["dirty_bitmap"]))),
        ("KVM_GET_ONE_REG", .write(.structure("kvm_one_reg", pointers: ["addr"]))),
        ("KVM_SET_ONE_REG", .write(.structure("kvm_one_reg", pointers: ["addr"]))),
    ])
}

extension IoctlFamilies {
    /// The requests whose argument strace(1) shows as a bare number: the _IO ones that take
    /// none, and the structs it does not decode (IoctlPrinting).
    static let kvmPrinting: [String: [IoctlPrinting]] = Dictionary(uniqueKeysWithValues:
        ["KVM_GET_API_VERSION", "KVM_GET_VCPU_MMAP_SIZE", "KVM_GET_NR_MMU_PAGES", "KVM_CREATE_IRQCHIP",
         "KVM_CREATE_PIT", "KVM_GET_TSC_KHZ", "KVM_NMI", "KVM_KVMCLOCK_CTRL", "KVM_SMI", "KVM_RESET_DIRTY_RINGS",
         "KVM_GET_STATS_FD", "KVM_GET_DIRTY_LOG", "KVM_SET_IDENTITY_MAP_ADDR", "KVM_IRQ_LINE", "KVM_IRQ_LINE_STATUS",
         "KVM_IRQFD", "KVM_IOEVENTFD", "KVM_SET_CLOCK", "KVM_GET_CLOCK", "KVM_SIGNAL_MSI", "KVM_CREATE_DEVICE",
         "KVM_SET_DEVICE_ATTR", "KVM_GET_DEVICE_ATTR", "KVM_HAS_DEVICE_ATTR", "KVM_X86_SETUP_MCE",
         "KVM_X86_GET_MCE_CAP_SUPPORTED", "KVM_ENABLE_CAP", "KVM_SET_ONE_REG", "KVM_GET_ONE_REG",
         "KVM_MEMORY_ENCRYPT_OP"].map { ($0, [.address]) }
        // Register files strace decodes (a NULL one shows as NULL).
        + ["KVM_GET_REGS", "KVM_SET_REGS", "KVM_GET_SREGS", "KVM_SET_SREGS"].map { ($0, [.pointer]) })
}
