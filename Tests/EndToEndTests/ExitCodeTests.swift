import Foundation
import TestSupport
import XCTest

/// Exit codes 0, 1 (uncaught error), 2 (usage) and 130 (interrupted), with what goes to stderr.
final class ExitCodeTests: XCTestCase {
    func testSuccessIsZero() throws {
        let result = try EcshProcess.run(["-e", "return 1"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "1\n")
    }

    func testUncaughtErrorIsOneWithMessageAndTraceback() throws {
        let result = try EcshProcess.run(["-e", "local function explode() error('boom-123') end explode()"])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("boom-123"), "\(result)")
        XCTAssertTrue(result.stderr.contains("stack traceback:"), "\(result)")
        XCTAssertTrue(result.stderr.contains("explode"), "the traceback names the function: \(result)")
    }

    func testScriptErrorStopsTheScript() throws {
        let dir = try TemporaryDirectory(prefix: "ecsh-e2e-exit")
        defer { dir.remove() }
        let script = try dir.write("fail.lua", "print('before')\nerror('script failed')\nprint('after')\n")
        let result = try EcshProcess.run([script])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertEqual(result.stdout, "before\n")
        XCTAssertTrue(result.stderr.contains("fail.lua:2: script failed"), "\(result)")
        XCTAssertTrue(result.stderr.contains("stack traceback:"), "\(result)")
    }

    func testValidationErrorObjectShowsItsCodeFirst() throws {
        let result = try EcshProcess.run(
            ["--local", "-e", "ecs.modify_image_attribute{ImageId='m-x', ImageName='1x'}"], timeout: 20)
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.hasPrefix("ecsh: InvalidImageName.Malformed"), "\(result)")
        XCTAssertTrue(result.stderr.contains("stack traceback:"), "\(result)")
    }

    func testServerErrorObjectShowsItsCodeFirst() throws {
        let result = try EcshProcess.run(
            ["--local", "-e", "ecs.modify_image_attribute{ImageId='m-bp1doesnotexist00', ImageName='abc'}"], timeout: 20)
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.hasPrefix("ecsh: InvalidImageId.NotFound"), "\(result)")
        XCTAssertTrue(result.stderr.contains("HTTP 404"), "\(result)")
    }

    func testUnknownOptionIsTwo() throws {
        let result = try EcshProcess.run(["--no-such-option", "-e", "print('ran')"])
        XCTAssertEqual(result.exitCode, 2, "\(result)")
        XCTAssertFalse(result.stdout.contains("ran"), "\(result)")
        XCTAssertTrue(result.stderr.contains("--no-such-option"), "\(result)")
    }

    func testBadOutputFormatIsTwo() throws {
        let result = try EcshProcess.run(["--output", "xml", "-e", "print('ran')"])
        XCTAssertEqual(result.exitCode, 2, "\(result)")
        XCTAssertFalse(result.stdout.contains("ran"), "\(result)")
        XCTAssertTrue(result.stderr.contains("--output"), "\(result)")
    }

    func testSIGINTStopsARunningScriptWith130() throws {
        let dir = try TemporaryDirectory(prefix: "ecsh-e2e-exit")
        defer { dir.remove() }
        let script = try dir.write("loop.lua", "print('looping') io.stdout:flush()\nwhile true do end\n")
        try assertInterrupted(EcshProcess([script]))
    }

    func testSIGINTStopsARunningChunkWith130() throws {
        try assertInterrupted(EcshProcess(["-e", "print('looping') io.stdout:flush() while true do end"]))
    }

    private func assertInterrupted(_ process: EcshProcess, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(process.waitForStdout(containing: "looping"), "never started: \(process.stderr)", file: file, line: line)
        process.send(signal: SIGINT)
        let result = process.wait(timeout: 10)
        XCTAssertFalse(result.signaled, "killed by the signal instead of handling it: \(result)", file: file, line: line)
        XCTAssertEqual(result.exitCode, 130, "\(result)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains("interrupted"), "\(result)", file: file, line: line)
    }
}
