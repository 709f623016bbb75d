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
        secrets = Set(values.filter { $0.count >= 4 }.flatMap(Self.spellings)).sorted { $0.count > $1.count }
    }

    /// Every way a secret may be spelled in text it can reach: raw, percent-encoded once, twice or three
    /// times (a v1 string to sign that a server echoes back holds the query encoded twice), with upper- or
    /// lower-case hex, form-encoded, and JSON-escaped (`\/`).
    static func spellings(of secret: String) -> [String] {
        var out: Set<String> = [secret, PercentEncoding.formEncode(secret), secret.replacingOccurrences(of: "/", with: "\\/")]
        // Foundation's encoding of everything but letters and digits (`-` as %2D, `~` as %7E).
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { out.insert(encoded) }
        var level = secret
        for _ in 0..<3 {
            level = PercentEncoding.encode(level)
            out.insert(level)
            out.insert(lowercasingEscapes(level))
        }
        return Array(out)
    }

    /// `%2F` as `%2f`: the hex digits of every escape in lower case.
    private static func lowercasingEscapes(_ text: String) -> String {
        var out = ""
        var pending = 0
        for character in text {
            if character == "%" {
                pending = 2
                out.append(character)
            } else if pending > 0 {
                pending -= 1
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `text` with every occurrence of a secret, in any of its spellings, replaced by `<redacted>`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
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
