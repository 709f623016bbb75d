import Foundation
import ECSCore

/// Everything `ecsh serve` can configure about the emulator.
public struct EmulatorOptions: Sendable, Equatable {
    /// Which data a new store starts with.
    public enum Seed: String, Sendable, Equatable {
        /// The documented demo data set (`DemoData`).
        case demo
        /// No images at all.
        case empty
    }

    /// A flow-control rate: at most `tokens` requests per `seconds`, per (account, action).
    public struct Rate: Sendable, Equatable {
        /// Bucket capacity N.
        public var tokens: Int
        /// Refill period S: the bucket refills N tokens every S seconds.
        public var seconds: Double
        /// Creates a rate N/S.
        public init(tokens: Int, seconds: Double) {
            self.tokens = tokens
            self.seconds = seconds
        }

        /// Parses `N/S` (e.g. `1000/60`) as the client's `--rate` does, within the same bounds; nil for `off`
        /// or malformed text.
        public init?(parsing text: String) {
            guard let limit = try? RateLimit.parse(text) else { return nil }
            self.init(tokens: limit.tokens, seconds: limit.seconds)
        }

        /// The documented flow control of ModifyImageAttribute: 1000 requests per 60 s.
        public static let documented = Rate(tokens: 1000, seconds: 60)
    }

    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The SQLite file to persist to; nil keeps everything in memory.
    public var dataPath: String?
    /// What a new store is seeded with.
    public var seed: Seed
    /// Milliseconds of latency added to every response.
    public var latencyMs: Int
    /// Probability in 0...1 of an injected fault.
    public var faultRate: Double
    /// Seed of the fault draws, so a run's failures can be reproduced; nil draws from the system's randomness.
    public var faultSeed: UInt64?
    /// The server's flow control; nil turns throttling off.
    public var rate: Rate?
    /// The most images one family may hold.
    public var familyQuota: Int
    /// The most families one account may have in one region.
    public var regionFamilyQuota: Int

    /// Creates options; the defaults match `ecsh serve` without flags.
    public init(
        host: String = "127.0.0.1", port: Int = 0, dataPath: String? = nil, seed: Seed = .demo,
        latencyMs: Int = 0, faultRate: Double = 0, faultSeed: UInt64? = nil, rate: Rate? = .documented,
        familyQuota: Int = 5, regionFamilyQuota: Int = 8
    ) {
        self.host = host
        self.port = port
        self.dataPath = dataPath
        self.seed = seed
        self.latencyMs = latencyMs
        self.faultRate = faultRate
        self.faultSeed = faultSeed
        self.rate = rate
        self.familyQuota = familyQuota
        self.regionFamilyQuota = regionFamilyQuota
    }
}
