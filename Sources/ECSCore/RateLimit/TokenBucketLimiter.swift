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
    /// Seconds between a bucket's first token and the start of its refill; see `init`.
    public nonisolated let refillDelay: TimeInterval
    private let clock: any LimiterClock
    private var buckets: [Key: TokenBucket] = [:]

    /// Creates a limiter; inject `clock` to test without real waiting.
    ///
    /// Each bucket holds N tokens, starts full and refills at N/S, like the server's. The server's bucket,
    /// though, starts refilling when the first request *arrives*: a later request that travels faster
    /// than the first would find a fraction of a token missing. A `refillDelay` d starts the client's
    /// refill d seconds after its first token, absorbing d seconds of such jitter; a job then finishes
    /// d seconds after the bound, whatever the rate.
    public init(rate: RateLimit, refillDelay: TimeInterval = 0, clock: any LimiterClock = ContinuousLimiterClock()) {
        self.rate = rate
        self.refillDelay = max(0, refillDelay)
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
        return buckets[key]?.available(now: clock.now()) ?? max(1, rate.tokens)
    }

    private func reserve(_ key: Key) -> TimeInterval {
        let now = clock.now()
        var bucket =
            buckets[key]
            ?? TokenBucket(rate: rate, now: now, refillDelay: refillDelay)
        let wait = bucket.reserve(now: now)
        buckets[key] = bucket
        return wait
    }
}
