import ECSValidation
import Foundation

/// Credentials from the aliyun CLI's `~/.aliyun/config.json` (profiles in mode `AK` or `StsToken`).
///
/// The profile is the one passed in (`--profile`), else `ALIBABA_CLOUD_PROFILE`, else the file's `current`,
/// else `default`.
public struct AliyunCLIConfigProvider: CredentialsProvider {
    private let path: String
    private let profile: String?
    private let environment: [String: String]
    private let warn: (@Sendable (String) -> Void)?

    /// Reads `path`; `profile` is the explicitly requested profile, `warn` receives the insecure-permissions warning.
    public init(
        path: String, profile: String?, environment: [String: String],
        warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.path = path
        self.profile = profile
        self.environment = environment
        self.warn = warn
    }

    /// `aliyun CLI config (<path>)`.
    public var name: String { "aliyun CLI config (\(path))" }

    /// Credentials of the selected profile.
    public func resolve() throws -> Credentials {
        let (name, entry) = try selectedProfile()
        let mode = entry.mode ?? ""
        let source = "profile '\(name)' in \(path)"
        switch mode {
        case "AK", "":
            if mode.isEmpty && (entry.accessKeyId ?? "").isEmpty {
                throw CredentialsError.unsupportedMode(mode: mode, profile: name)
            }
            return try credentials(entry, source: source, token: nil)
        case "StsToken":
            guard let token = entry.stsToken, !token.isEmpty else {
                throw CredentialsError.incomplete(source: source, missing: "sts_token")
            }
            return try credentials(entry, source: source, token: Secret(token))
        default:
            throw CredentialsError.unsupportedMode(mode: mode, profile: name)
        }
    }

    /// The `region_id` of the selected profile, nil when the file has none for it.
    public func region() throws -> String? {
        let region = try selectedProfile().entry.regionId
        return region?.isEmpty == false ? region : nil
    }

    /// The well-formed `region_id` of a profile (nil: the selected one) of `$HOME/.aliyun/config.json`; nil
    /// when there is none, or when it is not a region id (a file's typo must not become the client's region).
    public static func region(ofProfile profile: String?, environment: [String: String]) -> String? {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config = AliyunCLIConfigProvider(path: home + "/.aliyun/config.json", profile: profile, environment: environment)
        guard let region = (try? config.region()) ?? nil, ImageRules.regionId(region) == nil else { return nil }
        return region
    }

    private func credentials(_ entry: Profile, source: String, token: Secret?) throws -> Credentials {
        guard let id = entry.accessKeyId, !id.isEmpty else {
            throw CredentialsError.incomplete(source: source, missing: "access_key_id")
        }
        guard let secret = entry.accessKeySecret, !secret.isEmpty else {
            throw CredentialsError.incomplete(source: source, missing: "access_key_secret")
        }
        return Credentials(accessKeyId: id, accessKeySecret: Secret(secret), securityToken: token)
    }

    /// The secret and STS token of every profile in the file.
    public func storedSecrets() -> [String] {
        guard let file = try? readFile(warn: nil) else { return [] }
        return (file.profiles ?? []).flatMap { [$0.accessKeySecret, $0.stsToken] }.compactMap { $0 }.filter { !$0.isEmpty }
    }

    private func selectedProfile() throws -> (name: String, entry: Profile) {
        let file = try readFile(warn: warn)
        let wanted = CredentialsFile.requestedProfile(profile, environment: environment)
            ?? file.current.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        guard let entry = file.profiles?.first(where: { $0.name == wanted }) else {
            throw CredentialsError.profileNotFound(profile: wanted, source: path)
        }
        return (wanted, entry)
    }

    private func readFile(warn: (@Sendable (String) -> Void)?) throws -> ConfigFile {
        guard let text = try CredentialsFile.read(path: path, warn: warn) else {
            throw CredentialsError.notConfigured(source: name, reason: "no file at \(path)")
        }
        let file: ConfigFile
        do {
            file = try JSONDecoder().decode(ConfigFile.self, from: Data(text.utf8))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw CredentialsError.malformedFile(path: path, reason: "not valid JSON")
        } catch let error as DecodingError {
            throw CredentialsError.malformedFile(path: path, reason: Self.describe(error))
        }
        return file
    }

    // Names the failing field by its path only: a decoding error's own text could quote a value.
    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return "unexpected structure"
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return "unexpected structure at '\(path)'"
    }

    private struct ConfigFile: Decodable {
        var current: String?
        var profiles: [Profile]?
    }

    private struct Profile: Decodable {
        var name: String?
        var mode: String?
        var accessKeyId: String?
        var accessKeySecret: String?
        var stsToken: String?
        var regionId: String?

        enum CodingKeys: String, CodingKey {
            case name, mode
            case accessKeyId = "access_key_id"
            case accessKeySecret = "access_key_secret"
            case stsToken = "sts_token"
            case regionId = "region_id"
        }
    }
}
