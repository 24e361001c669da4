extension IoctlFamilies {
    /// perf events ('$': linux/perf_event.h). Most take a value (flags, an fd); the pointer
    /// types are declared as the argument itself, so their pointees are stated here.
    static let perf = IoctlFamilyDescription("perf", types: [0x24], prefixes: ["PERF_EVENT_IOC_"], [
        ("PERF_EVENT_IOC_ENABLE", .value), ("PERF_EVENT_IOC_DISABLE", .value), ("PERF_EVENT_IOC_RESET", .value),
        ("PERF_EVENT_IOC_REFRESH", .value), ("PERF_EVENT_IOC_SET_OUTPUT", .value),
        ("PERF_EVENT_IOC_SET_BPF", .value), ("PERF_EVENT_IOC_PAUSE_OUTPUT", .value),
        ("PERF_EVENT_IOC_SET_FILTER", .write(.string)),
        ("PERF_EVENT_IOC_ID", .read(.u64)),
        // struct perf_event_query_bpf ends in a flexible id array; perf_event_attr is not probed.
        ("PERF_EVENT_IOC_QUERY_BPF", .readWrite(.opaque)), ("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", .write(.opaque)),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows perf requests beyond their argument (IoctlPrinting).
    static let perfPrinting: [String: [IoctlPrinting]] = [
        "PERF_EVENT_IOC_QUERY_BPF": [.pointer], "PERF_EVENT_IOC_MODIFY_ATTRIBUTES": [.pointer],
    ]
}
