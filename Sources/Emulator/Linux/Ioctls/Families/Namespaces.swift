extension IoctlFamilies {
    /// Namespace files (0xB7: linux/nsfs.h). NS_GET_OWNER_UID is _IO but fills a uid_t.
    static let namespaces = IoctlFamilyDescription("nsfs", types: [0xb7], prefixes: ["NS_GET_", "PIDFD_"], [
        ("NS_GET_OWNER_UID", .read(.uint)),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows namespace requests beyond their argument (IoctlPrinting).
    static let namespacesPrinting: [String: [IoctlPrinting]] = [
        "NS_GET_NSTYPE": [.resultName("clone_flags")],
    ]
}
