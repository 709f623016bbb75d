import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `ecsh` binary and its emulator as real processes, for the reliability,
/// SDK-compatibility and secrets suites. Output goes to files (never a pipe that could fill up),
/// every wait polls with a deadline, and every server binds port 0.
enum ReliabilityHarness {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: `ECSH_BINARY`, else `.build/debug/ecsh`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["ECSH_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return repositoryRoot.appendingPathComponent(".build/debug/ecsh")
    }()

    /// The Lua and Python fixtures of these suites.
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/Reliability")

    /// The full-access demo key of the emulator.
    static let demoCredentials = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "demo-full-secret",
    ]

    /// The binary, or a failure that says how to build it.
    static func requireBinary() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure("no ecsh binary at \(binary.path): run `swift build --product ecsh` or set ECSH_BINARY")
        }
        return binary
    }

    /// A fixture's path.
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// One directory per test process holding every scratch directory; removed when the process exits.
    static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-e2e-reliability-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: ReliabilityHarness.scratchRoot) }
        return root
    }()

    /// A fresh scratch directory (a HOME, a data file's folder, a process's output files).
    static func scratchDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The inherited environment without any Alibaba Cloud setting, with HOME in a scratch
    /// directory (no config file or history of the machine leaks in), plus `extra`.
    static func environment(_ extra: [String: String] = [:]) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ALIBABA_CLOUD_") }
        environment["HOME"] = try scratchDirectory().path
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs `ecsh ARGUMENTS` to completion (killed and failed after `timeout` seconds).
    static func ecsh(
        _ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil, timeout: TimeInterval = 120
    ) throws -> Result {
        let process = try Child(try requireBinary(), arguments, environment: try environment(extra), stdin: stdin)
        guard let status = process.wait(timeout: timeout) else {
            process.kill(SIGKILL)
            throw Failure("ecsh \(arguments.joined(separator: " ")) did not finish within \(timeout) s; stderr:\n\(process.stderr)")
        }
        return Result(status: status, stdout: process.stdout, stderr: process.stderr)
    }

    /// Reads the JSON that `ecsh --output json -e ...` printed.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}

extension ReliabilityHarness {
    /// A failure of the harness itself, with the reason.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// What a finished process left.
    struct Result {
        /// The exit status (or 128 + signal).
        let status: Int32
        /// Everything written to standard output.
        let stdout: String
        /// Everything written to standard error.
        let stderr: String
    }

    /// A child process whose standard output and error go to files that can be read while it runs.
    final class Child: @unchecked Sendable {
        let process = Process()
        private let directory: URL
        private let stdoutURL: URL
        private let stderrURL: URL

        /// Starts `executable ARGUMENTS` with exactly `environment`; `stdin` is fed from a file (none: /dev/null).
        init(_ executable: URL, _ arguments: [String], environment: [String: String], stdin: String? = nil) throws {
            directory = try ReliabilityHarness.scratchDirectory()
            stdoutURL = directory.appendingPathComponent("stdout")
            stderrURL = directory.appendingPathComponent("stderr")
            FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
            FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
            process.standardError = try FileHandle(forWritingTo: stderrURL)
            if let stdin {
                let input = directory.appendingPathComponent("stdin")
                try Data(stdin.utf8).write(to: input)
                process.standardInput = try FileHandle(forReadingFrom: input)
            } else {
                process.standardInput = FileHandle.nullDevice
            }
            try process.run()
        }

        deinit {
            if process.isRunning { kill(SIGKILL); _ = wait(timeout: 10) }
            try? FileManager.default.removeItem(at: directory)
        }

        /// The process id.
        var pid: Int32 { process.processIdentifier }
        /// Standard output so far.
        var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
        /// Standard error so far.
        var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

        /// Sends a signal.
        func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

        /// Waits for the exit; nil when it is still running after `timeout` seconds.
        func wait(timeout: TimeInterval) -> Int32? {
            guard poll(timeout: timeout, { !self.process.isRunning }) else { return nil }
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        }

        /// Polls `condition` every 20 ms until it holds (true) or `timeout` passes (false).
        func poll(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition() { return true }
                usleep(20_000)
            }
            return condition()
        }

        /// The resident set size in KiB, from /proc/PID/status (nil when it cannot be read).
        var residentKiB: Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
            for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
                return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            }
            return nil
        }
    }

    /// `ecsh serve --port 0 ...` (or any program that prints `listening on http://127.0.0.1:PORT`), started and awaited.
    final class Server: @unchecked Sendable {
        /// The running server.
        let child: Child
        /// `http://127.0.0.1:PORT`.
        let url: String
        /// The port it bound.
        let port: Int

        /// Starts `ecsh serve --port 0 ARGUMENTS` and waits for its `listening on` line.
        convenience init(_ arguments: [String] = []) throws {
            try self.init(executable: try ReliabilityHarness.requireBinary(), arguments: ["serve", "--port", "0"] + arguments)
        }

        /// Starts any program that announces itself the way `ecsh serve` does.
        init(executable: URL, arguments: [String], timeout: TimeInterval = 60) throws {
            child = try Child(executable, arguments, environment: try ReliabilityHarness.environment())
            var found: (String, Int)?
            let child = self.child
            _ = child.poll(timeout: timeout) {
                found = Self.listening(in: child.stdout)
                return found != nil || !child.process.isRunning
            }
            guard let (url, port) = found else {
                child.kill(SIGKILL)
                throw Failure("\(arguments.joined(separator: " ")) did not print `listening on`; stdout: \(child.stdout) stderr: \(child.stderr)")
            }
            self.url = url
            self.port = port
        }

        /// Parses `listening on http://HOST:PORT`.
        static func listening(in text: String) -> (String, Int)? {
            for line in text.split(separator: "\n") where line.hasPrefix("listening on http://") {
                let url = String(line.dropFirst("listening on ".count)).trimmingCharacters(in: .whitespaces)
                if let port = url.split(separator: ":").last.flatMap({ Int($0) }) { return (url, port) }
            }
            return nil
        }

        /// Stops it with SIGTERM (SIGKILL if it does not go) and returns its exit status.
        @discardableResult
        func stop() -> Int32? {
            guard child.process.isRunning else { return child.wait(timeout: 1) }
            child.kill(SIGTERM)
            if let status = child.wait(timeout: 15) { return status }
            child.kill(SIGKILL)
            return child.wait(timeout: 10)
        }

        deinit { stop() }
    }
}

/// The harness itself, proven on the smallest case: `ecsh serve` announces its port, answers, and
/// stops cleanly on SIGTERM and SIGINT.
final class ReliabilityHarnessTests: XCTestCase {
    func testServeAnnouncesItsPortAnswersAndStopsOnSignals() throws {
        for signal in [SIGTERM, SIGINT] {
            let server = try ReliabilityHarness.Server()
            XCTAssertTrue(server.url.hasPrefix("http://127.0.0.1:"), server.url)
            XCTAssertGreaterThan(server.port, 0)
            let result = try ReliabilityHarness.ecsh(
                ["--endpoint", server.url, "--output", "json", "-e", "return #ecs.describe_regions{}.Regions"],
                environment: ReliabilityHarness.demoCredentials)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertGreaterThanOrEqual(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 3, result.stdout)
            server.child.kill(signal)
            let status = server.child.wait(timeout: 15)
            XCTAssertNotNil(status, "ecsh serve ignored signal \(signal)")
            XCTAssertEqual(status, 0, "ecsh serve should stop cleanly on signal \(signal); stderr: \(server.child.stderr)")
        }
    }
}
