import Foundation

/// File access shared by the file-based providers: existence, permission warning, reading.
enum CredentialsFile {
    /// The file's text, or nil when there is no file; warns through `warn` when group or others may access it
    /// (once per file: a reader without `warn` neither warns nor uses up the warning).
    static func read(path: String, warn: (@Sendable (String) -> Void)?) throws -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            throw CredentialsError.malformedFile(path: path, reason: "is a directory")
        }
        if let warn, let mode = permissions(path: path), mode & 0o077 != 0, warned.insert(path) {
            warn(
                "credentials file \(path) is accessible by group or others (mode \(String(mode, radix: 8))); "
                    + "run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialsError.malformedFile(path: path, reason: "cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CredentialsError.malformedFile(path: path, reason: "is not UTF-8 text")
        }
        return text
    }

    /// Files already warned about: the warning is given once per process, not at every call.
    private static let warned = WarnedPaths()

    /// The permission bits of the file itself (stat follows a symbolic link; a link's own bits are always 777).
    private static func permissions(path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    /// The profile asked for explicitly, else `ALIBABA_CLOUD_PROFILE` when set and not empty.
    static func requestedProfile(_ explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["ALIBABA_CLOUD_PROFILE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }
}

/// A thread-safe set of paths.
final class WarnedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    /// Adds `path`; true when it was not there yet.
    func insert(_ path: String) -> Bool {
        lock.withLock { paths.insert(path).inserted }
    }
}
