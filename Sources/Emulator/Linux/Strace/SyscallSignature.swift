import FerryABI

/// How one syscall argument is read and shown. One entry per syscall (DESIGN principle 1): the
/// tracer prints from it and the support table shows it.
public indirect enum ArgumentKind: Equatable, Sendable {
    case int            // signed 32-bit decimal
    case long           // signed 64-bit decimal
    case unsigned       // unsigned decimal (sizes, counts)
    case hex            // 0x... (masks, keys, opaque words)
    case pointer        // NULL or 0x...
    case fd
    case dirfd          // fd or AT_FDCWD
    case path           // NUL-terminated, shown whole
    case string         // NUL-terminated, truncated as strace does
    case inBuffer(length: Int)       // bytes in, length in argument `length`
    case outBuffer(length: Int)      // bytes out, as many as the call returned
    case flags(String)               // a flag group of the generated constants
    case enumeration(String)         // one name of a generated group
    case openFlags                   // O_*: the access mode is a value, the rest flags
    case inStruct(String)            // pointer to a struct the call reads
    case outStruct(String)           // pointer to a struct the call fills (shown after, on success)
    case inoutStruct(String)
    case inArray(String, count: Int) // pointer to `count` structs
    case inSigset(size: Int)
    case outSigset
    case intPointer                  // int the call reads: [5]
    case outIntPointer               // int the call fills
    case outIntPair                  // int[2] the call fills (pipe2, socketpair)
    case mode
    case dev
    case uid
    case pid
    case signal
    case argv
    case envp
    case inIovec(count: Int)
    case outIovec(count: Int)
    case socketAddress(length: Int)  // sockaddr in, its length in argument `length`
    case outSocketAddress(length: Int) // sockaddr out, its length behind pointer argument `length`
    case outSocketLength             // socklen_t* in/out: [16]
    case offsetPointer               // loff_t* the call reads: [0]
    case inoutOffsetPointer          // loff_t* the call reads and advances: [0] => [4]
    case waitStatus                  // int* status: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
    case ipcKey                      // IPC_PRIVATE or 0x...
    case ipcFlags                    // IPC_CREAT|0600
    case ipcCommand                  // IPC_RMID, IPC_64|IPC_STAT
    case socketType                  // SOCK_STREAM|SOCK_CLOEXEC: a type and flags in one word
    case socketProtocol(family: Int) // IPPROTO_TCP, NETLINK_ROUTE: by the family in argument `family`
    case socketOption(length: Int)   // setsockopt's value: [1] when it is an int
    case outSocketOption(length: Int) // getsockopt's value, its length behind pointer argument `length`
    case personality                 // PER_LINUX|ADDR_NO_RANDOMIZE, or 0xffffffff (the query)
    case fdSet(count: Int)           // fd_set the call reads and rewrites: [3 4] as it was before, `count` fds
    case selectSigmask               // pselect6's {sigset_t *, size_t}: {sigmask=[USR1], sigsetsize=8}
    case outEpollEvents              // epoll_event[] the call fills, as many as it returned
    case message                     // struct msghdr the call reads (sendmsg)
    case outMessage                  // struct msghdr the call fills (recvmsg), shown after
    case messages(count: Int)        // struct mmsghdr[`count`] the call sends (sendmmsg)
    case outMessages(count: Int)     // struct mmsghdr[] the call fills, as many as it returned (recvmmsg)
}

/// How the result is shown.
public enum ReturnKind: Equatable, Sendable {
    case int, fd, hex, unsigned, void
    case mode   // umask: 022
}

/// One syscall's description: name, argument kinds, return kind.
public struct SyscallSignature: Sendable {
    public let name: String
    public let result: ReturnKind
    public let arguments: [ArgumentKind]

    /// `openat(dirfd, path, open_flags, mode) -> fd`, for the support table.
    public var summary: String {
        "\(name)(" + arguments.map(Self.describe).joined(separator: ", ") + ")" + (result == .void ? "" : " -> \(result)")
    }

    static func describe(_ k: ArgumentKind) -> String {
        switch k {
        case let .flags(g): return g
        case let .enumeration(g): return g
        case .openFlags: return "open_flags"
        case let .inStruct(s): return "const struct \(s) *"
        case let .outStruct(s): return "struct \(s) *"
        case let .inoutStruct(s): return "struct \(s) * (in/out)"
        case let .inArray(s, n): return "const struct \(s)[arg\(n + 1)]"
        case let .inBuffer(n): return "const void *buf[arg\(n + 1)]"
        case let .outBuffer(n): return "void *buf[arg\(n + 1)]"
        case .inSigset: return "const sigset_t *"
        case .outSigset: return "sigset_t *"
        case .intPointer: return "const int *"
        case .outIntPointer: return "int *"
        case .outIntPair: return "int[2]"
        case .inIovec: return "const struct iovec *"
        case .outIovec: return "struct iovec *"
        case .socketAddress, .outSocketAddress: return "struct sockaddr *"
        case .outSocketLength: return "socklen_t *"
        case .offsetPointer: return "const loff_t *"
        case .inoutOffsetPointer: return "loff_t * (in/out)"
        case .waitStatus: return "int *wstatus"
        case .ipcKey: return "key_t"
        case .ipcFlags: return "ipc_flags"
        case .ipcCommand: return "ipc_cmd"
        case .socketType: return "socket_type"
        case .socketProtocol: return "protocol"
        case .socketOption, .outSocketOption: return "void *optval"
        case .fdSet: return "fd_set *"
        case .selectSigmask: return "const struct {const sigset_t *ss; size_t ss_len} *"
        case .outEpollEvents: return "struct epoll_event *"
        case .message: return "const struct msghdr *"
        case .outMessage: return "struct msghdr *"
        case .messages: return "struct mmsghdr *"
        case .outMessages: return "struct mmsghdr *"
        default: return "\(k)"
        }
    }
}

/// Every signature, by syscall, parsed once from the per-area tables (Signatures+*.swift).
public enum SyscallSignatures {
    public static let byID: [SyscallID: SyscallSignature] = {
        var table: [SyscallID: SyscallSignature] = [:]
        for source in [filesSignatures, memorySignatures, processSignatures, signalSignatures, timeSignatures,
                       socketSignatures, ipcSignatures, systemSignatures] {
            // Byte-wise split: each line becomes its own native String.
            for rawLine in Array(source.utf8).split(separator: 0x0A) {
                let line = String(decoding: rawLine, as: UTF8.self)
                if line.hasPrefix("#") || rawLine.allSatisfy({ $0 == 0x20 }) { continue }
                guard let signature = parse(line), let id = SyscallID(name: signature.name) else {
                    preconditionFailure("malformed syscall signature '\(line)'")
                }
                table[id] = signature
            }
        }
        return table
    }()

    public static func signature(_ id: SyscallID) -> SyscallSignature? { byID[id] }

    /// Parses `name result arg arg ...`; see the token list in `argument(_:)`.
    static func parse(_ line: String) -> SyscallSignature? {
        let words = Array(line.utf8).split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(decoding: $0, as: UTF8.self) }
        guard words.count >= 2, let result = returnKind(words[1]) else { return nil }
        var arguments: [ArgumentKind] = []
        for word in words.dropFirst(2) {
            guard let kind = argument(word) else { return nil }
            arguments.append(kind)
        }
        return SyscallSignature(name: words[0], result: result, arguments: arguments)
    }

    static func returnKind(_ w: String) -> ReturnKind? {
        switch w {
        case "i": return .int
        case "fd": return .fd
        case "x": return .hex
        case "u": return .unsigned
        case "-": return .void
        case "o": return .mode
        default: return nil
        }
    }

    /// Tokens: i l u x p fd dfd path str mode dev uid pid sig argv envp oflags ip oip oip2 osl
    /// off ioff wst key ipcf ipcc stype per psm oepev msg omsg ib:N ob:N f:GROUP e:GROUP s:STRUCT
    /// os:STRUCT ios:STRUCT as:STRUCT:N ss:N oss iov:N oiov:N sa:N osa:N sproto:N sov:N osov:N
    /// fds:N mmsg:N ommsg:N (N: the 0-based argument that holds the length, count or family).
    static func argument(_ w: String) -> ArgumentKind? {
        let parts = Array(w.utf8).split(separator: 0x3A).map { String(decoding: $0, as: UTF8.self) }
        func index(_ i: Int) -> Int? { parts.count > i ? Int(parts[i]) : nil }
        switch parts[0] {
        case "i": return .int
        case "l": return .long
        case "u": return .unsigned
        case "x": return .hex
        case "p": return .pointer
        case "fd": return .fd
        case "dfd": return .dirfd
        case "path": return .path
        case "str": return .string
        case "mode": return .mode
        case "dev": return .dev
        case "uid": return .uid
        case "pid": return .pid
        case "sig": return .signal
        case "argv": return .argv
        case "envp": return .envp
        case "oflags": return .openFlags
        case "ip": return .intPointer
        case "oip": return .outIntPointer
        case "oip2": return .outIntPair
        case "osl": return .outSocketLength
        case "oss": return .outSigset
        case "off": return .offsetPointer
        case "ioff": return .inoutOffsetPointer
        case "wst": return .waitStatus
        case "key": return .ipcKey
        case "ipcf": return .ipcFlags
        case "ipcc": return .ipcCommand
        case "stype": return .socketType
        case "per": return .personality
        case "psm": return .selectSigmask
        case "oepev": return .outEpollEvents
        case "msg": return .message
        case "omsg": return .outMessage
        case "fds": return index(1).map { .fdSet(count: $0) }
        case "mmsg": return index(1).map { .messages(count: $0) }
        case "ommsg": return index(1).map { .outMessages(count: $0) }
        case "sproto": return index(1).map { .socketProtocol(family: $0) }
        case "sov": return index(1).map { .socketOption(length: $0) }
        case "osov": return index(1).map { .outSocketOption(length: $0) }
        case "ib": return index(1).map { .inBuffer(length: $0) }
        case "ob": return index(1).map { .outBuffer(length: $0) }
        case "ss": return index(1).map { .inSigset(size: $0) }
        case "iov": return index(1).map { .inIovec(count: $0) }
        case "oiov": return index(1).map { .outIovec(count: $0) }
        case "sa": return index(1).map { .socketAddress(length: $0) }
        case "osa": return index(1).map { .outSocketAddress(length: $0) }
        case "f": return parts.count == 2 ? .flags(parts[1]) : nil
        case "e": return parts.count == 2 ? .enumeration(parts[1]) : nil
        case "s": return parts.count == 2 ? .inStruct(parts[1]) : nil
        case "os": return parts.count == 2 ? .outStruct(parts[1]) : nil
        case "ios": return parts.count == 2 ? .inoutStruct(parts[1]) : nil
        case "as": return parts.count == 3 ? index(2).map { .inArray(parts[1], count: $0) } : nil
        default: return nil
        }
    }
}
