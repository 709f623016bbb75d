import Foundation

/// An access key the emulator accepts: its secret, its account and the actions its policy allows.
public struct AccessKey: Sendable, Equatable {
    /// The access key id.
    public var id: String
    /// The access key secret.
    public var secret: String
    /// The account the key belongs to.
    public var accountId: String
    /// Allowed action patterns: exact names, `*`, or a prefix ending in `*` such as `Describe*`.
    public var allowedActions: [String]

    /// Creates an access key.
    public init(id: String, secret: String, accountId: String, allowedActions: [String] = ["*"]) {
        self.id = id
        self.secret = secret
        self.accountId = accountId
        self.allowedActions = allowedActions
    }

    /// Whether the key's policy allows an action; patterns may contain `*` wildcards anywhere.
    public func allows(_ action: String) -> Bool {
        allowedActions.contains { pattern in
            let bare = pattern.hasPrefix("ecs:") ? String(pattern.dropFirst(4)) : pattern
            return AccessKey.matches(pattern: bare, action)
        }
    }

    static func matches(pattern: String, _ text: String) -> Bool {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        if pieces.count == 1 { return pattern == text }
        guard text.hasPrefix(pieces[0]) else { return false }
        var rest = Substring(text.dropFirst(pieces[0].count))
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
