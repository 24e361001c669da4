public enum TestRunnerInfo { public static let version = "0.1.0" }
