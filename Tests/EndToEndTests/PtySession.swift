import Foundation
import TestSupport
import XCTest

/// Runs `ecsh` under a real pseudo-terminal through `Fixtures/pty_driver.py` (Python 3, standard library).
struct PtySession {
    /// One thing the driver does, in order.
    enum Step: Encodable {
        /// Types the text (use "\r" for Enter, "\t" for Tab, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D).
        case send(String)
        /// Waits until the text appears in the output after the previous match.
        case expect(String)
        /// Waits, reading output meanwhile.
        case sleep(Double)
        /// Waits until the program exits.
        case exit

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch self {
            case .send(let text): try container.encode(text, forKey: .send)
            case .expect(let text): try container.encode(text, forKey: .expect)
            case .sleep(let seconds): try container.encode(seconds, forKey: .sleep)
            case .exit: try container.encode(true, forKey: .eof)
            }
        }

        private enum Key: String, CodingKey { case send, expect, sleep, eof }
    }

    /// What the driver saw.
    struct Outcome: Decodable {
        /// Everything the terminal showed, escape sequences included.
        let transcript: String
        /// The exit code (negative: killed by that signal), nil if the program had to be killed.
        let status: Int?
        /// The first step that did not happen (an `expect` that timed out), nil when all did.
        let failed: String?
    }

    /// The driver itself did not run or did not report.
    struct DriverFailed: Error {}

    /// The driver script, found next to this file.
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pty_driver.py")

    /// The `HOME` of the session: a fresh directory, kept after the run so the history file can be read.
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory(prefix: "ecsh-pty-home")
    }

    /// Runs `ecsh arguments` under a pty through `steps`; fails the test when a step did not happen.
    func run(
        _ arguments: [String], steps: [Step], environment: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Outcome {
        let stepsJSON = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        var env = environment
        env["HOME"] = home.path
        env["TERM"] = "xterm"
        let process = try EcshProcess(
            ["python3", PtySession.driver.path, stepsJSON, "--", BinaryLocator.ecsh().path] + arguments,
            environment: env, executable: URL(fileURLWithPath: "/usr/bin/env"))
        let result = process.wait(timeout: 30)
        guard result.exitCode == 0, let data = result.stdout.data(using: .utf8),
              let outcome = try? JSONDecoder().decode(Outcome.self, from: data) else {
            XCTFail("pty driver failed: \(result)", file: file, line: line)
            throw DriverFailed()
        }
        XCTAssertNil(outcome.failed, "transcript:\n\(outcome.transcript)", file: file, line: line)
        return outcome
    }

    /// The history file's lines after the session, or nil when there is none.
    var historyLines: [String]? {
        guard let text = try? String(contentsOfFile: home.path(".ecsh_history"), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").map(String.init)
    }
}
