import Dispatch
import Foundation

/// Waits for one of a set of POSIX signals without letting them terminate the process.
final class SignalWaiter: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>
    private let signals: [Int32]

    init(signals: [Int32]) {
        self.signals = signals
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Returns when the first signal arrives (or the waiting task is cancelled).
    func wait() async {
        for await _ in stream { return }
    }

    /// Stops listening and gives the signals their default behaviour back.
    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
