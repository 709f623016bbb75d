import Foundation

/// The last signal caught; written only by the async-signal-safe handler below.
private nonisolated(unsafe) var caughtSignal: Int32 = 0

/// Waits for one of a set of POSIX signals without letting them terminate the process.
///
/// A plain handler that only stores the signal number (async-signal-safe), polled every 50 ms:
/// a dispatch signal source cannot be used on Linux, where an ignored signal is discarded.
final class SignalWaiter: @unchecked Sendable {
    private let signals: [Int32]
    private var previous: [Int32: sig_t?] = [:]

    init(signals: [Int32]) {
        self.signals = signals
        caughtSignal = 0
        for number in signals {
            previous[number] = signal(number) { caught in caughtSignal = caught }
        }
    }

    /// Returns when one of the signals arrives, or when the waiting task is cancelled.
    func wait() async {
        while !Task.isCancelled {
            if signals.contains(caughtSignal) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops catching the signals and restores their previous handlers.
    func cancel() {
        for number in signals {
            _ = signal(number, previous[number] ?? SIG_DFL)
        }
    }
}
