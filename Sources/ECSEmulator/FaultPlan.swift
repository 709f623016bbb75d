import Foundation

/// Injected failures and latency: with probability `rate` a request fails with 503, 500 or a
/// dropped connection (chosen evenly); every response waits `latencyMs` first. With a seed the
/// draws come from a `SeededGenerator`, so the same seed fails the same requests in the same order.
public struct FaultPlan: Sendable {
    /// One injected failure.
    public enum Fault: String, Sendable, Equatable, CaseIterable {
        /// 503 `ServiceUnavailable`.
        case serviceUnavailable
        /// 500 `InternalError`.
        case internalError
        /// The server closes the connection without answering.
        case dropConnection
    }

    /// Probability in 0...1 that a request fails.
    public var rate: Double
    /// Milliseconds of latency added to every response by the server.
    public var latencyMs: Int
    private let random: @Sendable () -> Double

    /// Creates a plan; `random` returns values in 0..<1 and is injectable for tests.
    public init(rate: Double = 0, latencyMs: Int = 0, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.rate = min(max(rate, 0), 1)
        self.latencyMs = max(latencyMs, 0)
        self.random = random
    }

    /// Creates a plan whose draws follow `seed` (reproducible), or the system's randomness when nil.
    public init(rate: Double, latencyMs: Int = 0, seed: UInt64?) {
        guard let seed else {
            self.init(rate: rate, latencyMs: latencyMs)
            return
        }
        let generator = LockedGenerator(seed: seed)
        self.init(rate: rate, latencyMs: latencyMs, random: { generator.unit() })
    }

    /// Decides the fate of one request: nil to serve it, or the fault to inject.
    public func draw() -> Fault? {
        guard rate > 0, random() < rate else { return nil }
        let kinds = Fault.allCases
        let index = min(Int(random() * Double(kinds.count)), kinds.count - 1)
        return kinds[max(index, 0)]
    }
}
