import Foundation

/// Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`.
public struct EnvironmentCredentialsProvider: CredentialsProvider {
    /// The variable holding the AccessKey ID.
    public static let accessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID"
    /// The variable holding the AccessKey secret.
    public static let accessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"
    /// The variable holding the STS token, if any.
    public static let securityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN"

    private let environment: [String: String]

    /// Reads from `environment` (the process environment by default), so tests pass their own.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `environment (ALIBABA_CLOUD_ACCESS_KEY_ID)`.
    public var name: String { "environment (\(Self.accessKeyIdVariable))" }

    /// Both variables set → credentials; neither → `.notConfigured`; only one → `.incomplete` naming the other.
    public func resolve() throws -> Credentials {
        let id = environment[Self.accessKeyIdVariable] ?? ""
        let secret = environment[Self.accessKeySecretVariable] ?? ""
        switch (id.isEmpty, secret.isEmpty) {
        case (true, true):
            throw CredentialsError.notConfigured(source: name, reason: "\(Self.accessKeyIdVariable) is not set")
        case (true, false):
            throw CredentialsError.incomplete(source: "environment", missing: Self.accessKeyIdVariable)
        case (false, true):
            throw CredentialsError.incomplete(source: "environment", missing: Self.accessKeySecretVariable)
        case (false, false):
            let token = environment[Self.securityTokenVariable].flatMap { $0.isEmpty ? nil : Secret($0) }
            return Credentials(accessKeyId: id, accessKeySecret: Secret(secret), securityToken: token)
        }
    }
}
