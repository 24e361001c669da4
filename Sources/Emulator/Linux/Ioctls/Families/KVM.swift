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
