extension IoctlFamilies {
    /// /dev/random ('R': linux/random.h). RNDADDENTROPY's struct ends in buf_size bytes.
    static let random = IoctlFamilyDescription("random", types: [0x52], prefixes: ["RND"], [
        ("RNDADDENTROPY", .write(.special(.addEntropy))),
        ("RNDZAPENTCNT", .none), ("RNDCLEARPOOL", .none), ("RNDRESEEDCRNG", .none),
    ])
}
