extension IoctlFamilies {
    /// Device mapper (0xFD: linux/dm-ioctl.h): every request passes struct dm_ioctl followed by
    /// its payload (data_start, data_size), in both directions.
    static let deviceMapper = IoctlFamilyDescription("device_mapper", types: [0xfd], prefixes: ["DM_"],
        ["DM_VERSION", "DM_REMOVE_ALL", "DM_LIST_DEVICES", "DM_DEV_CREATE", "DM_DEV_REMOVE", "DM_DEV_RENAME",
         "DM_DEV_SUSPEND", "DM_DEV_STATUS", "DM_DEV_WAIT", "DM_DEV_ARM_POLL", "DM_TABLE_LOAD", "DM_TABLE_CLEAR",
         "DM_TABLE_DEPS", "DM_TABLE_STATUS", "DM_LIST_VERSIONS", "DM_GET_TARGET_VERSION", "DM_TARGET_MSG",
         "DM_DEV_SET_GEOMETRY"].map { ($0, IoctlEntry.readWrite(.special(.dmIoctl))) })
}

extension IoctlFamilies {
    /// strace(1) 6.1 here shows dm_ioctl arguments as a bare address (IoctlPrinting).
    static let deviceMapperPrinting: [String: [IoctlPrinting]] = Dictionary(uniqueKeysWithValues:
        deviceMapper.entries.keys.map { ($0, [.address]) })
}
