import ECSCore
import Foundation

/// Answers of the requests that `ecs.parallel`'s coroutines wait for, in arrival order.
final class CompletionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let signal = DispatchSemaphore(value: 0)
    private var items: [(ticket: Int, result: Result<ResponsePayload, any Error>)] = []

    /// Adds an answer (any thread).
    func post(ticket: Int, result: Result<ResponsePayload, any Error>) {
        lock.lock()
        items.append((ticket, result))
        lock.unlock()
        signal.signal()
    }

    /// Waits up to `seconds` for at least one answer, then takes all that have arrived.
    func take(waiting seconds: Double) -> [(ticket: Int, result: Result<ResponsePayload, any Error>)] {
        _ = signal.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        let taken = items
        items.removeAll()
        return taken
    }
}
