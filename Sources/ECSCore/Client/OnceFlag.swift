import Foundation

/// A flag that says "first" exactly once, so a client warns about a setting once, not per call.
final class WarnOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false

    /// True on the first call only.
    func first() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if fired { return false }
        fired = true
        return true
    }
}
