import FerryABI

/// What a pass-through syscall needs converted between guest and host, read off its signature
/// (the same entry -strace prints from: DESIGN principle 1) and decided once per syscall and
/// guest architecture (principle 4). Structs of generated layouts are converted through a host
/// buffer when the layouts differ; flag sets, named values and signal numbers are translated
/// by name when the numbers differ. Everything else goes to the host as the guest passed it.
struct SignatureConversion {
    enum Step {
        case structIn(argument: Int, StructConverter)
        case structOut(argument: Int, StructConverter)
        case structInOut(argument: Int, StructConverter)
        case value(argument: Int, ValueTranslation)
        case signal(argument: Int, SignalNumberMap)
    }

    let steps: [Step]

    /// `stat out (arg 2), open_flags (arg 3)`: for the support table.
    var summary: String {
        steps.map { step in
            switch step {
            case let .structIn(i, c): return "struct \(c.guest.name) in (arg \(i + 1))"
            case let .structOut(i, c): return "struct \(c.guest.name) out (arg \(i + 1))"
            case let .structInOut(i, c): return "struct \(c.guest.name) in/out (arg \(i + 1))"
            case let .value(i, t): return "\(t.name) (arg \(i + 1))"
            case let .signal(i, _): return "signal (arg \(i + 1))"
            }
        }.joined(separator: ", ")
    }

    /// The argument kinds whose meaning does not depend on the architecture for a guest with the
    /// host's word size and byte order (fds, paths, buffers, iovecs, ...). For other guests they
    /// need a handler of their own; `plan` names them.
    static func isLayoutNeutral(_ kind: ArgumentKind) -> Bool {
        switch kind {
        case .int, .long, .unsigned, .hex, .pointer, .fd, .dirfd, .path, .string, .inBuffer, .outBuffer,
             .mode, .dev, .uid, .pid, .ipcKey, .personality:
            return true
        default:
            return false
        }
    }

    /// The plan for one signature, or nil when every argument means the same to guest and host.
    /// `unconverted` lists what the signature alone cannot convert for this guest (a struct with
    /// no generated layout, a pointer-carrying argument for a guest whose word size differs).
    static func plan(_ signature: SyscallSignature, guest: Architecture, host: Architecture,
                     guestConstants: ConstantSet, hostConstants: ConstantSet,
                     unconverted: inout [String]) -> SignatureConversion? {
        let sameWords = guest.pointerSize == host.pointerSize && guest.isBigEndian == host.isBigEndian
        var steps: [Step] = []
        for (i, kind) in signature.arguments.enumerated() {
            switch kind {
            case let .inStruct(name), let .outStruct(name), let .inoutStruct(name):
                guard let converter = ABILayouts.converter(name, guest: guest, host: host) else {
                    unconverted.append("struct \(name) (no generated layout)")
                    continue
                }
                guard converter.needsConversion else { continue }
                switch kind {
                case .inStruct: steps.append(.structIn(argument: i, converter))
                case .outStruct: steps.append(.structOut(argument: i, converter))
                default: steps.append(.structInOut(argument: i, converter))
                }
            case let .flags(group):
                if let t = ValueTranslation(group: group, flags: true, guest: guestConstants, host: hostConstants) {
                    steps.append(.value(argument: i, t))
                }
            case .openFlags:
                if let t = ValueTranslation(group: "open_flags", flags: true, guest: guestConstants, host: hostConstants) {
                    steps.append(.value(argument: i, t))
                }
            case let .enumeration(group):
                if let t = ValueTranslation(group: group, flags: false, guest: guestConstants, host: hostConstants) {
                    steps.append(.value(argument: i, t))
                }
            case .signal:
                // The map the signal syscalls use, real-time signals included.
                let signals = SignalNumberMap(guest: guestConstants, host: hostConstants)
                if !signals.isIdentity { steps.append(.signal(argument: i, signals)) }
            default:
                if !sameWords && !isLayoutNeutral(kind) { unconverted.append(SyscallSignature.describe(kind)) }
            }
        }
        return steps.isEmpty ? nil : SignatureConversion(steps: steps)
    }
}

/// A flag set or a set of named values, guest numbers to host numbers, matched by name.
struct ValueTranslation {
    let name: String
    private let flags: FlagTranslator?
    /// Named values: guest (low 32 bits) -> host, for the names whose numbers differ.
    private let values: [UInt32: UInt64]

    /// nil when every name the two sets share has the same number on both sides.
    init?(group: String, flags isFlags: Bool, guest: ConstantSet, host: ConstantSet) {
        name = group
        if isFlags {
            let translator = FlagTranslator(group: group, guest: guest, host: host)
            guard !translator.isIdentity else { return nil }
            flags = translator
            values = [:]
        } else {
            var map: [UInt32: UInt64] = [:]
            for c in guest.group(group)?.constants ?? [] where c.aliasOf == nil {
                guard let h = host.value(c.name), h != c.value else { continue }
                map[UInt32(truncatingIfNeeded: c.value)] = UInt64(bitPattern: h)
            }
            guard !map.isEmpty else { return nil }
            flags = nil
            values = map
        }
    }

    func toHost(_ value: UInt64) -> UInt64 {
        if let flags { return UInt64(bitPattern: flags.toHost(Int64(bitPattern: value))) }
        // An int argument may arrive with its upper half zero or sign-filled: match on 32 bits.
        return values[UInt32(truncatingIfNeeded: value)] ?? value
    }
}

extension LinuxPersonality {
    /// The conversion a pass-through syscall needs on `guest`, from its signature; nil when its
    /// arguments mean the same to guest and host (the call goes straight to the host).
    static func signatureConversion(_ id: SyscallID, guest: Architecture) -> SignatureConversion? {
        guard let signature = SyscallSignatures.signature(id) else { return nil }
        var ignored: [String] = []
        return SignatureConversion.plan(signature, guest: guest, host: .x86_64,
                                        guestConstants: ABIConstants.forArchitecture(guest),
                                        hostConstants: ABIConstants.forArchitecture(.x86_64), unconverted: &ignored)
    }
}
