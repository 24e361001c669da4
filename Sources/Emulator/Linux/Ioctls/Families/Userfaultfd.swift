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
}
