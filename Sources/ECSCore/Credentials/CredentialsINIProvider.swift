import Foundation

/// Credentials from `~/.alibabacloud/credentials.ini` (sections with `type = access_key` or `type = sts`).
///
/// The section is the profile passed in, else `ALIBABA_CLOUD_PROFILE`, else `default`.
public struct CredentialsINIProvider: CredentialsProvider {
    private let path: String
    private let profile: String?
    private let environment: [String: String]
    private let warn: (@Sendable (String) -> Void)?

    /// Reads `path`; `profile` is the explicitly requested section, `warn` receives the insecure-permissions warning.
    public init(
        path: String, profile: String? = nil, environment: [String: String],
        warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.path = path
        self.profile = profile
        self.environment = environment
        self.warn = warn
    }

    /// `credentials file (<path>)`.
    public var name: String { "credentials file (\(path))" }

    /// The secret and token of every section in the file.
    public func storedSecrets() -> [String] {
        guard let text = try? CredentialsFile.read(path: path, warn: nil), let sections = try? parse(text) else { return [] }
        return sections.values.flatMap { [$0["access_key_secret"], $0["security_token"]] }.compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// Credentials of the selected section.
    public func resolve() throws -> Credentials {
        guard let text = try CredentialsFile.read(path: path, warn: warn) else {
            throw CredentialsError.notConfigured(source: name, reason: "no file at \(path)")
        }
        let sections = try parse(text)
        let wanted = CredentialsFile.requestedProfile(profile, environment: environment) ?? "default"
        guard let section = sections[wanted] else {
            throw CredentialsError.profileNotFound(profile: wanted, source: path)
        }
        if let enable = section["enable"]?.lowercased(), ["false", "0", "no", "off"].contains(enable) {
            throw CredentialsError.notConfigured(source: name, reason: "profile '\(wanted)' is disabled (enable = false)")
        }
        let source = "profile '\(wanted)' in \(path)"
        let type = section["type"] ?? ""
        switch type {
        case "access_key", "":
            if type.isEmpty && (section["access_key_id"] ?? "").isEmpty {
                throw CredentialsError.unsupportedMode(mode: type, profile: wanted)
            }
            return try credentials(section, source: source, token: nil)
        case "sts":
            guard let token = section["security_token"], !token.isEmpty else {
                throw CredentialsError.incomplete(source: source, missing: "security_token")
            }
            return try credentials(section, source: source, token: Secret(token))
        default:
            throw CredentialsError.unsupportedMode(mode: type, profile: wanted)
        }
    }

    private func credentials(_ section: [String: String], source: String, token: Secret?) throws -> Credentials {
        guard let id = section["access_key_id"], !id.isEmpty else {
            throw CredentialsError.incomplete(source: source, missing: "access_key_id")
        }
        guard let secret = section["access_key_secret"], !secret.isEmpty else {
            throw CredentialsError.incomplete(source: source, missing: "access_key_secret")
        }
        return Credentials(accessKeyId: id, accessKeySecret: Secret(secret), securityToken: token)
    }

    /// Sections of `key = value` (or `key: value`) lines; `#`/`;` comment lines; as the official credentials
    /// library reads them, a value ends at its first `#` and a header at its last `]` (`[default] # main`);
    /// a value's surrounding quotes removed.
    private func parse(_ text: String) throws -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.lastIndex(of: "]"), line.distance(from: line.startIndex, to: close) > 1 else {
                    throw CredentialsError.malformedFile(path: path, reason: "line \(index + 1): unterminated section header")
                }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw CredentialsError.malformedFile(
                    path: path, reason: "line \(index + 1): expected '[section]' or 'key = value'")
            }
            guard let section = current else {
                throw CredentialsError.malformedFile(path: path, reason: "line \(index + 1): key outside any [section]")
            }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let rest = line[line.index(after: separator)...]
            var value = rest[..<(rest.firstIndex(of: "#") ?? rest.endIndex)].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard !key.isEmpty else {
                throw CredentialsError.malformedFile(path: path, reason: "line \(index + 1): empty key")
            }
            sections[section]![key] = value
        }
        return sections
    }
}
