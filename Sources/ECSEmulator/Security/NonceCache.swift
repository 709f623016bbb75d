import Foundation

/// Remembers signature nonces for a window, so that a replayed request is refused.
struct NonceCache {
    let window: TimeInterval
    private var seen: [String: Date] = [:]
    private var lastPurge = Date.distantPast

    /// A cache that forgets a nonce once `window` seconds have passed.
    init(window: TimeInterval) {
        self.window = window
    }

    /// Records the nonce; false when it was already used within the window.
    mutating func insert(_ nonce: String, accessKeyId: String, now: Date) -> Bool {
        purge(now: now)
        let key = accessKeyId + "\u{1F}" + nonce
        if let previous = seen[key], now.timeIntervalSince(previous) <= window { return false }
        seen[key] = now
        return true
    }

    private mutating func purge(now: Date) {
        guard now.timeIntervalSince(lastPurge) > 60 else { return }
        lastPurge = now
        seen = seen.filter { now.timeIntervalSince($0.value) <= window }
    }
}
