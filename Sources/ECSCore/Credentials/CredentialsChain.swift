import Foundation

/// Tries providers in order; the first that yields credentials wins.
///
/// A provider that is not configured (or lacks the profile) passes to the next; a broken one (malformed file,
/// unsupported mode, half-set variables) stops the chain, because silently using other keys would surprise.
public struct CredentialsChain: CredentialsProvider {
    /// The providers, in the order they are tried.
    public let providers: [any CredentialsProvider]

    /// Chains `providers` in order.
    public init(providers: [any CredentialsProvider]) {
        self.providers = providers
    }

    /// `chain(<provider names>)`.
    public var name: String { "chain(" + providers.map(\.name).joined(separator: ", ") + ")" }

    /// The secrets of every provider of the chain.
    public func storedSecrets() -> [String] { providers.flatMap { $0.storedSecrets() } }

    /// The first provider's credentials; `.noCredentials` listing every source tried and why it gave none.
    public func resolve() throws -> Credentials {
        var tried: [String] = []
        for provider in providers {
            do {
                return try provider.resolve()
            } catch let error as CredentialsError where error.allowsFallback {
                switch error {
                case .noCredentials(let inner): tried += inner
                case .notConfigured(let source, let reason): tried.append("\(source): \(reason)")
                default: tried.append("\(provider.name): \(error.description)")
                }
            }
        }
        throw CredentialsError.noCredentials(tried: tried)
    }

    /// The contract's order: `--profile` (when given: that profile from the aliyun CLI config, then credentials.ini,
    /// the environment's keys skipped), else environment keys, then the aliyun CLI config (`ALIBABA_CLOUD_PROFILE`,
    /// else `current`), then credentials.ini (`ALIBABA_CLOUD_PROFILE`, else `default`;
    /// `ALIBABA_CLOUD_CREDENTIALS_FILE` overrides its path). `home` defaults to `$HOME`.
    public static func `default`(
        profile: String?, environment: [String: String], home: String? = nil,
        warn: (@Sendable (String) -> Void)? = nil
    ) -> CredentialsChain {
        let homeDirectory = home ?? environment["HOME"] ?? NSHomeDirectory()
        let configPath = (homeDirectory as NSString).appendingPathComponent(".aliyun/config.json")
        let iniPath = environment["ALIBABA_CLOUD_CREDENTIALS_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (homeDirectory as NSString).appendingPathComponent(".alibabacloud/credentials.ini")
        var providers: [any CredentialsProvider] = []
        if profile == nil {
            providers.append(EnvironmentCredentialsProvider(environment: environment))
        }
        providers.append(
            AliyunCLIConfigProvider(path: configPath, profile: profile, environment: environment, warn: warn))
        providers.append(CredentialsINIProvider(path: iniPath, profile: profile, environment: environment, warn: warn))
        return CredentialsChain(providers: providers)
    }
}
