extension IoctlFamilies {
    /// Real-time clocks ('p': linux/rtc.h). The *_SET requests of plain numbers take the value
    /// itself; RTC_PARAM_GET is _IOW but fills the struct it reads.
    static let rtc = IoctlFamilyDescription("rtc", types: [0x70], prefixes: ["RTC_"], [
        ("RTC_IRQP_SET", .value), ("RTC_EPOCH_SET", .value),
        ("RTC_PARAM_GET", .readWrite(.structure("rtc_param"))),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows RTC requests beyond their argument (IoctlPrinting).
    static let rtcPrinting: [String: [IoctlPrinting]] = [
        // A phone-line driver's _IO('p', 0x04) is the same number.
        "RTC_UIE_OFF": [.alsoNamed("PHN_NOT_OH", .io(0x70, 4))],
    ]
}
