import ECSCore
import Foundation
import LuaBridge

/// What the `ecs` module works with: the client configuration, the client, where text goes, and
/// the `ecs.parallel` schedulers that are running. Used from the Lua thread only.
public final class ECSContext {
    /// The effective client settings (`ecs.config` changes them).
    public private(set) var configuration: ClientConfiguration
    /// The client built from `configuration`.
    private(set) var client: ECSClient
    /// The profile in effect: `--profile` or `ALIBABA_CLOUD_PROFILE` at start, then `ecs.config{ profile = ... }`.
    private(set) var profile: String?
    /// Whether the region was chosen explicitly (`--region`, `ALIBABA_CLOUD_REGION_ID`, `ecs.config{ region }`):
    /// a profile chosen later then keeps it instead of bringing its own, as at start-up.
    private(set) var regionIsExplicit: Bool
    let output: (String) -> Void
    let errorOutput: (String) -> Void
    let isTerminal: Bool
    /// Dry-run request texts produced by request tasks, printed by the Lua thread.
    let dryRunText = TextBuffer()
    /// Image ids seen in this session's responses (for the REPL's completion).
    public let seenImageIds = SeenImageIds()
    /// Running `ecs.parallel` schedulers, innermost last.
    var schedulers: [ParallelScheduler] = []
    private var transport: any HTTPTransport
    private let ownsTransport: Bool
    private var retiredTransports: [any HTTPTransport] = []
    private var isShutDown = false
    /// Secrets and tokens of the credentials that earlier configurations of this session used.
    private var earlierSecrets: Set<String> = []

    /// Creates a context; dry-run request texts are printed through `output`, progress through `errorOutput`.
    public convenience init(
        configuration: ClientConfiguration,
        // C's stdout, flushed as Lua's print flushes it: ecs.table's lines stay in order with print and stderr.
        output: @escaping (String) -> Void = { StandardOutput.write(Array($0.utf8), flush: true) },
        errorOutput: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
        isTerminal: Bool = false,
        profile: String? = nil,
        regionIsExplicit: Bool = false
    ) {
        self.init(
            configuration: configuration, transport: nil, output: output, errorOutput: errorOutput, isTerminal: isTerminal,
            profile: profile, regionIsExplicit: regionIsExplicit)
    }

    /// Creates a context over a given transport (tests count requests with one); nil builds the default.
    init(
        configuration: ClientConfiguration, transport: (any HTTPTransport)?,
        output: @escaping (String) -> Void, errorOutput: @escaping (String) -> Void, isTerminal: Bool,
        profile: String? = nil, regionIsExplicit: Bool = false
    ) {
        self.profile = profile
        self.regionIsExplicit = regionIsExplicit
        self.output = output
        self.errorOutput = errorOutput
        self.isTerminal = isTerminal
        ownsTransport = transport == nil
        let transport = transport ?? Self.makeTransport(configuration)
        self.transport = transport
        var configuration = configuration
        let buffer = dryRunText
        configuration.dryRunSink = { text in buffer.append(text) }
        self.configuration = configuration
        client = ECSClient(configuration: configuration, transport: transport)
    }

    /// Closes the connections of every transport this context made; waits until they are closed, or at most
    /// `seconds`: a connection still being set up holds the shutdown until its connect timeout, and a
    /// process that is ending (Ctrl-C, the script done) must not wait for it.
    public func shutdown(waitingAtMost seconds: Double = 1) {
        guard !isShutDown else { return }
        isShutDown = true
        guard ownsTransport else { return }
        let all = [transport] + retiredTransports
        let done = ResultBox<Bool>()
        Task {
            for t in all { await t.shutdown() }
            done.set(.success(true))
        }
        _ = done.wait(seconds: seconds)
    }

    /// Replaces the configuration, keeping the rate limiter when the rate is unchanged.
    func reconfigure(_ new: ClientConfiguration, profile: String?, regionIsExplicit: Bool) {
        var new = new
        new.dryRunSink = configuration.dryRunSink
        if ownsTransport && (new.connectTimeout != configuration.connectTimeout || new.readTimeout != configuration.readTimeout) {
            retiredTransports.append(transport)
            transport = Self.makeTransport(new)
        }
        // The secrets in use until now stay known (the history filter keeps them out), whatever the profile's
        // name says: a profile named at start may not have been the source of the keys (environment keys win).
        earlierSecrets.formUnion(Self.secrets(of: configuration))
        let limiter = new.rate == configuration.rate ? client.limiter : nil
        self.profile = profile
        self.regionIsExplicit = regionIsExplicit
        configuration = new
        client = ECSClient(configuration: new, transport: transport, limiter: limiter)
    }

    /// The access key secrets and tokens this session has used so far, the current ones included: the REPL
    /// keeps any line holding one out of its history file.
    public func knownSecrets() -> [String] {
        Array(earlierSecrets.union(Self.secrets(of: configuration)))
    }

    /// The secrets and tokens a configuration's credentials hold: every profile of its files, not only the
    /// selected one (a line typed with another profile's secret must stay out of the history too).
    /// As the redactor, values shorter than 4 characters are not secrets anyone could hold (a test file's "s"
    /// would keep almost every line out of the history).
    private static func secrets(of configuration: ClientConfiguration) -> [String] {
        configuration.credentials.storedSecrets().filter { $0.count >= 4 }
    }

    /// Prints the dry-run texts that requests have produced since the last call.
    func flushDryRunText() {
        for text in dryRunText.drain() {
            output(text.hasSuffix("\n") ? text : text + "\n")
        }
    }

    private static func makeTransport(_ configuration: ClientConfiguration) -> any HTTPTransport {
        AsyncHTTPClientTransport(connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout)
    }
}
