import FerryABI

/// Translates a flag word between a guest's and the host's values of one named flag group
/// (O_*, MAP_*, ...), matching flags by name. Built once per group and architecture; when every
/// flag has the same value on both sides it is the identity and costs one branch.
struct FlagTranslator {
    private var guestBits: [(guest: Int64, host: Int64)] = []
    let isIdentity: Bool

    init(group: String, guest: ConstantSet, host: ConstantSet) {
        var pairs: [(Int64, Int64)] = []
        var identity = true
        if let g = guest.group(group), let h = host.group(group) {
            for c in g.constants where c.value != 0 && c.value & (c.value - 1) == 0 {
                guard let hv = h.constants.first(where: { $0.name == c.name })?.value else { continue }
                pairs.append((c.value, hv))
                if hv != c.value { identity = false }
            }
        }
        guestBits = pairs
        isIdentity = identity
    }

    /// Bits with no named counterpart pass unchanged, so the host kernel judges them.
    func toHost(_ value: Int64) -> Int64 {
        if isIdentity { return value }
        var out: Int64 = 0
        var rest = value
        for (g, h) in guestBits where value & g != 0 { out |= h; rest &= ~g }
        return out | rest
    }

    func toGuest(_ value: Int64) -> Int64 {
        if isIdentity { return value }
        var out: Int64 = 0
        var rest = value
        for (g, h) in guestBits where value & h != 0 { out |= g; rest &= ~h }
        return out | rest
    }
}
