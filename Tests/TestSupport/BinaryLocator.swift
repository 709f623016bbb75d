import Foundation

/// Finds the built `ecsh` binary and the repository it was built from.
public enum BinaryLocator {
    /// The repository root, found from this file's own path (`<repo>/Tests/TestSupport/BinaryLocator.swift`).
    public static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // BinaryLocator.swift
            .deletingLastPathComponent()  // TestSupport
            .deletingLastPathComponent()  // Tests
    }

    /// The `ecsh` binary: `$ECSH_BINARY` when set, else `<repo>/.build/debug/ecsh`.
    public static func ecsh(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["ECSH_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot().appendingPathComponent(".build/debug/ecsh")
    }

    /// Whether the binary exists and is executable.
    public static func ecshIsAvailable() -> Bool {
        FileManager.default.isExecutableFile(atPath: ecsh().path)
    }
}
