/// How a user's parameter name appears in an error message: whole when short, else its first 64
/// characters and its length, so a 1 MiB key cannot turn into a 1 MiB message.
enum KeyDisplay {
    static let limit = 64

    static func shown(_ key: String) -> String {
        guard key.count > limit else { return key }
        return String(key.prefix(limit)) + "… (\(key.count) characters)"
    }
}
