import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A running `ecsh` (or any program): arguments, standard input, environment, captured output, a timeout.
///
/// The environment is the test's own minus every `ALIBABA_CLOUD_*` variable, with `HOME` pointing at a
/// fresh empty directory, so the machine's credentials and history never leak into a test; the
/// `environment` given overrides it.
public final class EcshProcess: @unchecked Sendable {
    private let process = Process()
    private let stdoutBuffer: OutputBuffer
    private let stderrBuffer: OutputBuffer
    private let temporaryHome: URL?

    /// The `HOME` the process runs with.
    public let home: String

    /// Starts `executable` (default: the built `ecsh`) with `arguments`; `stdin` nil means `/dev/null`.
    public init(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        executable: URL = BinaryLocator.ecsh(), workingDirectory: URL? = nil
    ) throws {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ALIBABA_CLOUD_") }
        if let home = environment["HOME"] {
            temporaryHome = nil
            self.home = home
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-e2e-home-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            temporaryHome = dir
            self.home = dir.path
        }
        env["HOME"] = home
        env.merge(environment) { _, new in new }
        process.executableURL = executable
        process.arguments = arguments
        process.environment = env
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }

        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input: Pipe?
        if stdin != nil {
            input = Pipe()
            process.standardInput = input
        } else {
            input = nil
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        stdoutBuffer = OutputBuffer(draining: out.fileHandleForReading)
        stderrBuffer = OutputBuffer(draining: err.fileHandleForReading)
        try process.run()
        // The parent's copies of the write ends must close, or the readers never see end of file.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        if let input, let stdin {
            let writer = input.fileHandleForWriting
            try? input.fileHandleForReading.close()
            Thread {
                try? writer.write(contentsOf: Data(stdin.utf8))
                try? writer.close()
            }.start()
        }
    }

    /// Runs to completion and returns what happened; the process is killed after `timeout` seconds.
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 10, workingDirectory: URL? = nil
    ) throws -> EcshResult {
        try EcshProcess(arguments, stdin: stdin, environment: environment, workingDirectory: workingDirectory)
            .wait(timeout: timeout)
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }

    /// Standard output so far.
    public var stdout: String { stdoutBuffer.text }

    /// Standard error so far.
    public var stderr: String { stderrBuffer.text }

    /// Sends a signal (SIGINT, SIGTERM, ...) to the process.
    public func send(signal number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits until standard output contains `needle`; false when it did not within `timeout` seconds.
    public func waitForStdout(containing needle: String, timeout: TimeInterval = 10) -> Bool {
        stdoutBuffer.wait(for: needle, until: Date(timeIntervalSinceNow: timeout))
    }

    /// Waits for the process to end (killing it after `timeout` seconds) and collects its output.
    public func wait(timeout: TimeInterval = 10) -> EcshResult {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var timedOut = false
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                break
            }
            usleep(10_000)
        }
        let drainDeadline = Date(timeIntervalSinceNow: 5)
        stdoutBuffer.waitForEnd(until: drainDeadline)
        stderrBuffer.waitForEnd(until: drainDeadline)
        if let temporaryHome { try? FileManager.default.removeItem(at: temporaryHome) }
        return EcshResult(
            stdout: stdoutBuffer.text, stderr: stderrBuffer.text, status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
