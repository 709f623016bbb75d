import Foundation

/// Server-side flow control: a token bucket per (account, action) holding at most N tokens,
/// starting full and refilling continuously at N/S tokens per second.
struct TokenBucketThrottle {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    let capacity: Double
    let perSecond: Double
    private var buckets: [String: Bucket] = [:]

    /// A throttle of `tokens` requests per `seconds`.
    init(tokens: Int, seconds: Double) {
        capacity = Double(max(tokens, 1))
        perSecond = Double(max(tokens, 1)) / max(seconds, 0.001)
    }

    /// Takes one token; on refusal returns the milliseconds until a token will be there.
    mutating func take(account: String, action: String, now: Date) -> Int? {
        let key = account + "\u{1F}" + action
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(capacity, bucket.tokens + elapsed * perSecond)
        bucket.updated = now
        defer { buckets[key] = bucket }
        // The tolerance lets a client that waits exactly the advertised retry-after succeed.
        if bucket.tokens >= 1 - 1e-4 {
            bucket.tokens = max(0, bucket.tokens - 1)
            return nil
        }
        let wait = (1 - bucket.tokens) / perSecond
        return max(1, Int((wait * 1000).rounded(.up)))
    }
}
