/// Credentials given directly (by code or the command line).
public struct StaticCredentialsProvider: CredentialsProvider {
    /// The credentials this provider returns.
    public let credentials: Credentials

    /// Wraps fixed credentials.
    public init(credentials: Credentials) {
        self.credentials = credentials
    }

    /// Wraps a fixed key pair, with an optional STS token.
    public init(accessKeyId: String, accessKeySecret: String, securityToken: String? = nil) {
        self.credentials = Credentials(
            accessKeyId: accessKeyId, accessKeySecret: Secret(accessKeySecret),
            securityToken: securityToken.map(Secret.init))
    }

    /// `static`.
    public var name: String { "static" }

    /// Returns the credentials; throws `.incomplete` when the key ID or the secret is empty.
    public func resolve() throws -> Credentials {
        if credentials.accessKeyId.isEmpty { throw CredentialsError.incomplete(source: name, missing: "access key ID") }
        if credentials.accessKeySecret.isEmpty {
            throw CredentialsError.incomplete(source: name, missing: "access key secret")
        }
        return credentials
    }
}
