public enum EmulatorInfo { public static let version = "0.1.0" }
