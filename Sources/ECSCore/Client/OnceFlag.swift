import Foundation

/// A flag that says "first" exactly once (warn once per client, shut a transport down once).
final class OnceFlag: @unchecked Sendable {
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
