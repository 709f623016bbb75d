import Foundation

/// What a finished child process left behind: its output, its status and how it ended.
public struct EcshResult: Sendable, CustomStringConvertible {
    /// Everything written to standard output, decoded as UTF-8.
    public let stdout: String
    /// Everything written to standard error, decoded as UTF-8.
    public let stderr: String
    /// The exit code, or the signal number when `signaled` is true.
    public let status: Int32
    /// Whether the process was ended by a signal it did not handle.
    public let signaled: Bool
    /// Whether the runner killed the process because it outlived its timeout.
    public let timedOut: Bool

    /// Creates a result.
    public init(stdout: String, stderr: String, status: Int32, signaled: Bool, timedOut: Bool) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.signaled = signaled
        self.timedOut = timedOut
    }

    /// The exit code of a normal exit, nil when the process died of a signal or timed out.
    public var exitCode: Int32? { signaled || timedOut ? nil : status }

    /// Standard output followed by standard error.
    public var combined: String { stdout + stderr }

    /// A summary for assertion messages.
    public var description: String {
        let ending = timedOut ? "timed out" : signaled ? "signal \(status)" : "exit \(status)"
        return "[\(ending)]\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}
