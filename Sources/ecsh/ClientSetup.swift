import ECSCore
import ECSEmulator
import Foundation

/// Builds the client configuration from the options, the environment and the config files,
/// starting the embedded emulator for `--local`.
struct ClientSetup {
    /// The demo key of the emulator's full-access account.
    static let demoAccessKeyId = "demo-full-access"
    /// Its secret (public by design: the emulator's demo data is documented).
    static let demoAccessKeySecret = "demo-full-secret"

    let configuration: ClientConfiguration
    /// The in-process emulator, when `--local`.
    let emulator: EmulatorServer?

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let warn: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("ecsh: warning: \($0)\n".utf8)) }
        var region = options.region ?? environment["ALIBABA_CLOUD_REGION_ID"].flatMap { $0.isEmpty ? nil : $0 }
        var endpoint = options.endpoint
        var credentials: any CredentialsProvider
        var emulator: EmulatorServer?
        if options.local {
            let server = try EmulatorServer(options: EmulatorOptions())
            let url = try blocking { try await server.start() }
            emulator = server
            endpoint = url.absoluteString
            region = region ?? "cn-hangzhou"
            credentials = StaticCredentialsProvider(
                credentials: Credentials(accessKeyId: Self.demoAccessKeyId, accessKeySecret: Secret(Self.demoAccessKeySecret)))
        } else {
            credentials = CredentialsChain.default(profile: options.profile, environment: environment, warn: warn)
            if region == nil {
                region = AliyunCLIConfigProvider.region(ofProfile: options.profile, environment: environment)
            }
        }
        let rate: RateLimit?
        do {
            rate = try options.rate.map { try RateLimit.parse($0) } ?? .ecsDefault
        } catch {
            throw SetupError("--rate: \(error)")
        }
        let dryRunSink: ClientConfiguration.Sink = { text in
            FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        }
        var debugSink: ClientConfiguration.Sink?
        if options.debug {
            debugSink = { line in FileHandle.standardError.write(Data("[debug] \(line)\n".utf8)) }
        }
        configuration = ClientConfiguration(
            credentials: credentials,
            region: region ?? "cn-hangzhou",
            endpoint: endpoint,
            signature: SignatureScheme(rawValue: options.signature) ?? .v3,
            rate: rate,
            insecure: options.insecure,
            dryRun: options.dryRun,
            dryRunSink: dryRunSink,
            debugSink: debugSink,
            warnSink: warn)
        self.emulator = emulator
    }
}

/// A set-up problem reported as a usage error.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
