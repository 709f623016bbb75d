import Foundation

/// Why credentials could not be resolved; messages name sources, paths, profiles and modes, never secret values.
public enum CredentialsError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The source has nothing to offer (no variables set, no file); a chain moves on to the next source.
    case notConfigured(source: String, reason: String)
    /// No source yielded credentials; `tried` lists each source with the reason it gave.
    case noCredentials(tried: [String])
    /// The selected profile uses a credential mode (or ini `type`) that ecsh does not support.
    case unsupportedMode(mode: String, profile: String)
    /// The file exists but cannot be read or parsed; `reason` says where (never quoting secret values).
    case malformedFile(path: String, reason: String)
    /// The requested profile is absent from the source.
    case profileNotFound(profile: String, source: String)
    /// The source is configured but lacks a required field (e.g. a secret without its key ID).
    case incomplete(source: String, missing: String)

    /// A one-line message fit for a terminal.
    public var description: String {
        switch self {
        case .notConfigured(let source, let reason):
            return "\(source): \(reason)"
        case .noCredentials(let tried):
            let list = tried.isEmpty ? "no sources" : tried.joined(separator: "; ")
            return "no credentials found (tried: \(list)); set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile with `aliyun configure`"
        case .unsupportedMode(let mode, let profile):
            let shown = mode.isEmpty ? "(none)" : "'\(mode)'"
            return "profile '\(profile)' uses credential mode \(shown), which ecsh does not support "
                + "(supported: AK, StsToken; ini types access_key, sts)"
        case .malformedFile(let path, let reason):
            return "malformed credentials file \(path): \(reason)"
        case .profileNotFound(let profile, let source):
            return "profile '\(profile)' not found in \(source)"
        case .incomplete(let source, let missing):
            return "\(source): \(missing) is missing or empty"
        }
    }

    /// Same as `description`, so `localizedDescription` reads well.
    public var errorDescription: String? {
        description
    }

    /// Whether a chain should try its next source after this error.
    var allowsFallback: Bool {
        switch self {
        case .notConfigured, .profileNotFound, .noCredentials: return true
        case .unsupportedMode, .malformedFile, .incomplete: return false
        }
    }
}
