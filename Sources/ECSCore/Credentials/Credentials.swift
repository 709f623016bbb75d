/// An access key pair, with an STS security token when the key is temporary.
public struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// The AccessKey ID (not secret: it appears in signed requests).
    public var accessKeyId: String
    /// The AccessKey secret.
    public var accessKeySecret: Secret
    /// The STS security token, for temporary credentials.
    public var securityToken: Secret?

    /// Creates credentials from their parts.
    public init(accessKeyId: String, accessKeySecret: Secret, securityToken: Secret? = nil) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
    }

    /// The key ID and the kind of key, secrets redacted.
    public var description: String {
        "Credentials(accessKeyId: \(accessKeyId), accessKeySecret: \(Secret.redacted)"
            + (securityToken == nil ? ")" : ", securityToken: \(Secret.redacted))")
    }
}
