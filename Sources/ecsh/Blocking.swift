import Foundation

/// Runs async work to completion from synchronous code (the Lua thread is synchronous).
func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// Carries a result across the semaphore; written once before the signal, read after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
