/// A source of credentials (static values, the environment, a configuration file, a chain of those).
public protocol CredentialsProvider: Sendable {
    /// Resolves credentials now; throws `CredentialsError` (`.notConfigured` when this source has nothing to offer).
    func resolve() throws -> Credentials
    /// A short human-readable name of the source, used in error messages (never contains a secret).
    var name: String { get }
}
