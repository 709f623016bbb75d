import Foundation

/// The outcome of one request task, waited for by the Lua thread with a timeout so it can poll Ctrl-C.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let signal = DispatchSemaphore(value: 0)
    private var stored: Result<Value, any Error>?

    /// Stores the outcome (once) and wakes the waiter.
    func set(_ result: Result<Value, any Error>) {
        lock.lock()
        let first = stored == nil
        if first { stored = result }
        lock.unlock()
        if first { signal.signal() }
    }

    /// Waits up to `seconds`; the outcome when it has arrived.
    func wait(seconds: Double) -> Result<Value, any Error>? {
        _ = signal.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
