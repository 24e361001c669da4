extension IoctlFamilies {
    /// Input devices ('E': linux/input.h). The (len) requests fill a buffer of the size the
    /// request carries; EVIOCGKEYCODE reads a scancode and fills a keycode.
    static let evdev = IoctlFamilyDescription("evdev", types: [0x45], prefixes: ["EVIOC"], [
        ("EVIOCGKEYCODE", .readWrite(.array(elementSize: 4, signed: false))),
        ("EVIOCGKEYCODE_V2", .readWrite(.structure("input_keymap_entry"))),
        ("EVIOCGMTSLOTS", .readWrite(.array(elementSize: 4, signed: true))),
        ("EVIOCGMASK", .readWrite(.structure("input_mask", pointers: ["codes_ptr"]))),
        ("EVIOCSMASK", .write(.structure("input_mask", pointers: ["codes_ptr"]))),
        ("EVIOCSFF", .write(.opaque)),   // struct ff_effect: a union with a pointer, not probed
        ("EVIOCRMFF", .value), ("EVIOCGRAB", .value), ("EVIOCREVOKE", .value),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows input requests beyond their argument (IoctlPrinting).
    static let evdevPrinting: [String: [IoctlPrinting]] = ["EVIOCSFF": [.pointer]]
}
