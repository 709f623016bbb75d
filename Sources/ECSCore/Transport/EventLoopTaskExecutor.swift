import NIOCore

/// Runs Swift tasks on the HTTP client's event loop, so a request's task, its signing and its
/// connection's I/O share one thread; once the client is shut down, jobs go to the global executor.
@available(macOS 15, *)
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let client: LazyHTTPClient

    /// An executor over `client`'s event loop.
    init(client: LazyHTTPClient) {
        self.client = client
    }

    /// Runs `job` on the client's loop (starting it if need be), or on the global executor after shutdown.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        guard let loop = client.eventLoop() else {
            globalConcurrentExecutor.enqueue(job)
            return
        }
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
