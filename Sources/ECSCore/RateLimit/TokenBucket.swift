import Foundation

/// The pure state of one token bucket; time is passed in, so it is tested without waiting.
///
/// A caller reserves a token even when none is left: the level goes negative and the caller
/// waits until the refill has paid its token back. Concurrent callers thus get successive slots
/// in arrival order, and nobody re-checks in a loop.
public struct TokenBucket: Sendable, Equatable {
    /// The most tokens the bucket holds (N).
    public let capacity: Double
    /// Tokens added per second (N/S).
    public let refillPerSecond: Double
    /// The current level; negative while reservations are waiting.
    public private(set) var level: Double
    /// The time of the last update, in the clock's seconds (ahead of the clock until a delayed refill starts).
    public private(set) var updatedAt: Double

    /// A full bucket for `rate`, as of time `now`, whose refill starts `refillDelay` seconds later.
    public init(rate: RateLimit, now: Double, refillDelay: Double = 0) {
        self.init(capacity: rate.tokens, refillPerSecond: rate.refillPerSecond, now: now, refillDelay: refillDelay)
    }

    /// A full bucket of `capacity` tokens refilling at `refillPerSecond` from `refillDelay` seconds after `now`.
    public init(capacity: Int, refillPerSecond: Double, now: Double, refillDelay: Double = 0) {
        self.capacity = Double(max(1, capacity))
        self.refillPerSecond = refillPerSecond
        level = self.capacity
        updatedAt = now + max(0, refillDelay)
    }

    /// Adds the tokens earned since the last update, up to the capacity.
    public mutating func refill(now: Double) {
        guard now > updatedAt else { return }
        level = min(capacity, level + (now - updatedAt) * refillPerSecond)
        updatedAt = now
    }

    /// Takes one token and returns how long the caller must wait before using it (0 when one was there).
    public mutating func reserve(now: Double) -> TimeInterval {
        refill(now: now)
        level -= 1
        // Until the refill has started (`updatedAt` still ahead), a missing token also waits for that start.
        return level >= 0 ? 0 : max(0, updatedAt - now) - level / refillPerSecond
    }

    /// Gives back a reserved token that was not used (its caller was cancelled).
    public mutating func release(now: Double) {
        refill(now: now)
        level = min(capacity, level + 1)
    }

    /// The whole tokens available right now.
    public func available(now: Double) -> Int {
        var copy = self
        copy.refill(now: now)
        return max(0, Int(copy.level.rounded(.down)))
    }
}
