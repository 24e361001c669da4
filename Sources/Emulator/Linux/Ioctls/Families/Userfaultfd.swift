extension IoctlFamilies {
    /// userfaultfd (0xAA: linux/userfaultfd.h). Every struct holds guest addresses; UNREGISTER
    /// and WAKE are _IOR in the header but the kernel only reads them.
    static let userfaultfd = IoctlFamilyDescription("userfaultfd", types: [0xaa], prefixes: ["UFFDIO_"], [
        ("UFFDIO_REGISTER", .table(.structure("uffdio_register", pointers: ["range.start"]))),
        ("UFFDIO_UNREGISTER", .write(.structure("uffdio_range", pointers: ["start"]))),
        ("UFFDIO_WAKE", .write(.structure("uffdio_range", pointers: ["start"]))),
        ("UFFDIO_COPY", .table(.structure("uffdio_copy", pointers: ["dst", "src"]))),
        ("UFFDIO_ZEROPAGE", .table(.structure("uffdio_zeropage", pointers: ["range.start"]))),
        ("UFFDIO_WRITEPROTECT", .table(.structure("uffdio_writeprotect", pointers: ["range.start"]))),
        ("UFFDIO_CONTINUE", .table(.structure("uffdio_continue", pointers: ["range.start"]))),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows userfaultfd requests beyond their argument (IoctlPrinting).
    static let userfaultfdPrinting: [String: [IoctlPrinting]] = [
        "UFFDIO_WRITEPROTECT": [.address], "UFFDIO_CONTINUE": [.address],
    ]

    /// uffdio_api's features (UFFD_FEATURE_*, linux/userfaultfd.h) as far as strace 6.1 names
    /// them; newer bits show as hex, as there.
    static let userfaultfdFeatures = PrintingGroup(names: [
        ("UFFD_FEATURE_PAGEFAULT_FLAG_WP", 1 << 0), ("UFFD_FEATURE_EVENT_FORK", 1 << 1),
        ("UFFD_FEATURE_EVENT_REMAP", 1 << 2), ("UFFD_FEATURE_EVENT_REMOVE", 1 << 3),
        ("UFFD_FEATURE_MISSING_HUGETLBFS", 1 << 4), ("UFFD_FEATURE_MISSING_SHMEM", 1 << 5),
        ("UFFD_FEATURE_EVENT_UNMAP", 1 << 6), ("UFFD_FEATURE_SIGBUS", 1 << 7), ("UFFD_FEATURE_THREAD_ID", 1 << 8),
        ("UFFD_FEATURE_MINOR_HUGETLBFS", 1 << 9), ("UFFD_FEATURE_MINOR_SHMEM", 1 << 10),
        ("UFFD_FEATURE_EXACT_ADDRESS", 1 << 11), ("UFFD_FEATURE_WP_HUGETLBFS_SHMEM", 1 << 12),
    ])

    /// The ioctls bit sets (1 << _UFFDIO_*), written as strace writes them.
    static let userfaultfdIoctls = PrintingGroup(names: [
        ("1<<_UFFDIO_REGISTER", 1 << 0), ("1<<_UFFDIO_UNREGISTER", 1 << 1), ("1<<_UFFDIO_WAKE", 1 << 2),
        ("1<<_UFFDIO_COPY", 1 << 3), ("1<<_UFFDIO_ZEROPAGE", 1 << 4), ("1<<_UFFDIO_WRITEPROTECT", 1 << 6),
        ("1<<_UFFDIO_CONTINUE", 1 << 7), ("1<<_UFFDIO_API", 1 << 63),
    ])

    /// uffdio_register's mode (UFFDIO_REGISTER_MODE_*).
    static let userfaultfdRegisterModes = PrintingGroup(names: [
        ("UFFDIO_REGISTER_MODE_MISSING", 1), ("UFFDIO_REGISTER_MODE_WP", 2), ("UFFDIO_REGISTER_MODE_MINOR", 4),
    ])
}
