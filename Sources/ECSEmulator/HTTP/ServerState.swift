import Foundation

/// The running server task and its URL, guarded by a lock.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var running: (task: Task<Void, any Error>, url: URL)?

    var url: URL? { lock.withLock { running?.url } }
    var task: Task<Void, any Error>? { lock.withLock { running?.task } }

    func set(task: Task<Void, any Error>, url: URL) {
        lock.withLock { running = (task, url) }
    }

    /// Removes and returns the task, so that it is stopped only once.
    func take() -> Task<Void, any Error>? {
        lock.withLock {
            defer { running = nil }
            return running?.task
        }
    }
}
