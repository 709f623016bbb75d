/// A source of credentials (static values, the environment, a configuration file, a chain of those).
public protocol CredentialsProvider: Sendable {
    /// Resolves credentials now; throws `CredentialsError` (`.notConfigured` when this source has nothing to offer).
    func resolve() throws -> Credentials
    /// A short human-readable name of the source, used in error messages (never contains a secret).
    var name: String { get }
    /// Every secret and token this source holds, whichever profile is selected (what a REPL history must
    /// never store); none when it cannot be read.
    func storedSecrets() -> [String]
}

extension CredentialsProvider {
    /// The secret and token of the credentials it resolves to.
    public func storedSecrets() -> [String] {
        guard let credentials = try? resolve() else { return [] }
        return [credentials.accessKeySecret.reveal(), credentials.securityToken?.reveal()].compactMap { $0 }.filter { !$0.isEmpty }
    }
}
