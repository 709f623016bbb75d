import Foundation

/// The time source of the rate limiter: a monotonic "now" and an asynchronous sleep.
public protocol LimiterClock: Sendable {
    /// Seconds on a monotonic scale (only differences matter).
    func now() -> Double
    /// Suspends the calling task (never a thread) for `seconds`; throws on cancellation.
    func sleep(seconds: Double) async throws
}

/// The real clock: `ContinuousClock` for time, `Task.sleep` for waiting.
public struct ContinuousLimiterClock: LimiterClock {
    private let origin = ContinuousClock.now

    /// Creates the clock.
    public init() {}

    /// Seconds since the clock was created.
    public func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Sleeps with `Task.sleep`.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .nanoseconds(Int64(min(seconds, 86_400) * 1e9)))
    }
}
