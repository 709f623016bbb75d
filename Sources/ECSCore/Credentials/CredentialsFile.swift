import Foundation

/// File access shared by the file-based providers: existence, permission warning, reading.
enum CredentialsFile {
    /// The file's text, or nil when there is no file; warns through `warn` when group or others may access it.
    static func read(path: String, warn: @Sendable (String) -> Void) throws -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            throw CredentialsError.malformedFile(path: path, reason: "is a directory")
        }
        if let mode = permissions(path: path), mode & 0o077 != 0 {
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

    private static func permissions(path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if let number = attributes[.posixPermissions] as? NSNumber { return number.intValue & 0o777 }
        if let number = attributes[.posixPermissions] as? Int { return number & 0o777 }
        return nil
    }

    /// The profile asked for explicitly, else `ALIBABA_CLOUD_PROFILE` when set and not empty.
    static func requestedProfile(_ explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["ALIBABA_CLOUD_PROFILE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }
}
