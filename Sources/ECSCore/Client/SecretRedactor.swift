import Foundation

/// Removes credentials from any text before it leaves the client (errors, logs, dry-run output).
public struct SecretRedactor: Sendable {
    /// What replaces a secret.
    public static let placeholder = "<redacted>"

    /// Query parameters whose values are never shown.
    public static let secretQueryParameters: Set<String> = ["Signature", "SecurityToken", "AccessKeySecret"]
    /// Headers whose values are never shown.
    public static let secretHeaders: Set<String> = ["x-acs-security-token", "x-acs-accesskey-secret"]

    private let secrets: [String]

    /// A redactor for the secret and token of `credentials`.
    public init(credentials: Credentials?) {
        var values: [String] = []
        if let credentials {
            values.append(credentials.accessKeySecret.reveal())
            if let token = credentials.securityToken { values.append(token.reveal()) }
        }
        // Longest first, so a secret that contains another is removed whole.
        secrets = values.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every occurrence of a secret (raw or percent-encoded) replaced by `<redacted>`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
                result = result.replacingOccurrences(of: encoded, with: Self.placeholder)
            }
        }
        return result
    }

    /// A wire query (`a=1&b=2`) with the values of `Signature` and `SecurityToken` replaced.
    public func redactQuery(_ query: String) -> String {
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = String(pair[..<equals]).removingPercentEncoding ?? String(pair[..<equals])
            return Self.secretQueryParameters.contains(name) ? "\(pair[..<equals])=\(Self.placeholder)" : String(pair)
        }
        return redact(pairs.joined(separator: "&"))
    }

    /// A header value made safe to show: tokens removed, the `Signature=` of `Authorization` replaced.
    public func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        if Self.secretHeaders.contains(lower) { return Self.placeholder }
        if lower == "authorization" {
            return redact(Self.redactSignature(in: value))
        }
        return redact(value)
    }

    /// Replaces the value after `Signature=` (up to a comma or the end) in an Authorization value.
    static func redactSignature(in value: String) -> String {
        guard let range = value.range(of: "Signature=") else { return value }
        let tail = value[range.upperBound...]
        let end = tail.firstIndex { $0 == "," || $0 == " " } ?? value.endIndex
        return value.replacingCharacters(in: range.upperBound..<end, with: placeholder)
    }
}
