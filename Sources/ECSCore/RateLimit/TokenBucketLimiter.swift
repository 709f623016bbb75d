import Foundation

/// Client-side pacing: one token bucket per (access key, action), shared by every concurrent caller.
public actor TokenBucketLimiter {
    /// Identifies one bucket.
    public struct Key: Hashable, Sendable {
        /// The access key that signs the requests (the service counts per account).
        public var accessKeyId: String
        /// The API action.
        public var action: String

        /// Creates a key.
        public init(accessKeyId: String, action: String) {
            self.accessKeyId = accessKeyId
            self.action = action
        }
    }

    /// The rate every bucket enforces.
    public nonisolated let rate: RateLimit
    /// Tokens held back from the burst (the refill rate is unchanged); see `init`.
    public nonisolated let headroom: Int
    private let clock: any LimiterClock
    private var buckets: [Key: TokenBucket] = [:]

    /// Creates a limiter; inject `clock` to test without real waiting.
    ///
    /// With `headroom` h the bucket holds N − h tokens (at least 1) and still refills at N/S. A server
    /// bucket at the same rate starts when the first request *arrives*, so a later request that travels
    /// faster than the first would find a fraction of a token short; h tokens absorb h·S/N seconds of
    /// such jitter at the cost of finishing h·S/N seconds later.
    public init(rate: RateLimit, headroom: Int = 0, clock: any LimiterClock = ContinuousLimiterClock()) {
        self.rate = rate
        self.headroom = max(0, headroom)
        self.clock = clock
    }

    /// Waits (suspending, not blocking) until the bucket of `accessKeyId`/`action` grants a token.
    ///
    /// Returns the seconds waited. Throws `ECSClientError.cancelled` if the task is cancelled while
    /// waiting; its token is then returned to the bucket.
    @discardableResult
    public func acquire(accessKeyId: String, action: String) async throws -> TimeInterval {
        let key = Key(accessKeyId: accessKeyId, action: action)
        let wait = reserve(key)
        guard wait > 0 else { return 0 }
        do {
            try await clock.sleep(seconds: wait)
        } catch {
            buckets[key]?.release(now: clock.now())
            throw ECSClientError.cancelled
        }
        return wait
    }

    /// The whole tokens available now in the bucket of `accessKeyId`/`action`.
    public func availableTokens(accessKeyId: String, action: String) -> Int {
        let key = Key(accessKeyId: accessKeyId, action: action)
        return buckets[key]?.available(now: clock.now()) ?? max(1, rate.tokens - headroom)
    }

    private func reserve(_ key: Key) -> TimeInterval {
        let now = clock.now()
        var bucket =
            buckets[key]
            ?? TokenBucket(capacity: rate.tokens - headroom, refillPerSecond: rate.refillPerSecond, now: now)
        let wait = bucket.reserve(now: now)
        buckets[key] = bucket
        return wait
    }
}
