import Foundation

/// When and how long to wait before repeating a failed request: capped exponential backoff with
/// full jitter, honouring the server's `x-acs-retry-after`.
public struct RetryPolicy: Sendable {
    /// Draws a uniformly random number from the range; injectable so tests are deterministic.
    public typealias RandomSource = @Sendable (ClosedRange<Double>) -> Double
    /// Waits the given number of seconds; injectable so tests record instead of sleeping.
    public typealias Sleeper = @Sendable (TimeInterval) async throws -> Void

    /// Total attempts including the first (1 means never retry).
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry, in seconds.
    public var baseDelay: TimeInterval
    /// The largest backoff between attempts, in seconds (a server's `x-acs-retry-after` may ask for more).
    public var maxDelay: TimeInterval
    /// The longest `x-acs-retry-after` waited for, in seconds; a server asking for more gets its error
    /// returned at once instead of a call that hangs (a buggy proxy could ask for a day).
    public static let maxRetryAfter: TimeInterval = 60
    /// Where jitter comes from.
    public var random: RandomSource
    /// How waiting is done.
    public var sleeper: Sleeper

    /// Creates a policy; the defaults are 4 attempts, 0.2 s base, 20 s cap, system randomness, `Task.sleep`.
    public init(
        maxAttempts: Int = 4, baseDelay: TimeInterval = 0.2, maxDelay: TimeInterval = 20,
        random: @escaping RandomSource = { Double.random(in: $0) },
        sleeper: @escaping Sleeper = RetryPolicy.taskSleep
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.random = random
        self.sleeper = sleeper
    }

    /// The default policy.
    public static var standard: RetryPolicy { RetryPolicy() }

    /// A policy that sends every request exactly once.
    public static var never: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// Sleeps with `Task.sleep`, so a waiting call never blocks a thread and stops on cancellation.
    public static let taskSleep: Sleeper = { seconds in
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }

    /// The jitter ceiling before retry number `retry` (1-based): `min(maxDelay, baseDelay · 2^(retry−1))`.
    public func backoffCeiling(retry: Int) -> TimeInterval {
        let exponent = Double(max(0, min(retry - 1, 62)))
        return min(maxDelay, baseDelay * pow(2, exponent))
    }

    /// A full-jitter backoff for retry number `retry`: uniform in `0...backoffCeiling(retry:)`.
    public func backoff(retry: Int) -> TimeInterval {
        let ceiling = backoffCeiling(retry: retry)
        guard ceiling > 0 else { return 0 }
        return min(ceiling, max(0, random(0...ceiling)))
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` failed with `error`, or nil to give up.
    ///
    /// Gives up when attempts are exhausted or the error is not retryable (`RetryClassification`).
    /// A server-sent `x-acs-retry-after` is the least wait, even beyond `maxDelay` (coming back sooner would
    /// only be throttled again), up to `maxRetryAfter` (beyond it, give up); the jittered backoff is added on
    /// top, so that callers throttled together do not all come back at the same instant.
    public func delay(afterAttempt attempt: Int, error: any Error) -> TimeInterval? {
        guard attempt < maxAttempts, RetryClassification.isRetryable(error) else { return nil }
        let jitter = backoff(retry: attempt)
        if let service = error as? ECSServiceError, let milliseconds = service.retryAfterMilliseconds {
            let least = max(0, Double(milliseconds) / 1000)
            guard least <= Self.maxRetryAfter else { return nil }
            return least + jitter
        }
        return jitter
    }
}
