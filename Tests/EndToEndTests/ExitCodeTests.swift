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

    /// `ecsh run --help` and `ecsh --local --help` (help after other options) were usage errors, and the usage
    /// errors say to look there; `ecsh --help` listed the subcommands but none of the options.
    func testHelpIsShownWhereverItIsAskedFor() throws {
        for arguments in [["run", "--help"], ["--local", "--help"], ["-h"], ["--help"]] {
            let result = try EcshProcess.run(arguments)
            XCTAssertEqual(result.exitCode, 0, "\(arguments): \(result)")
            XCTAssertTrue(result.stdout.contains("--region <region>"), "\(arguments): \(result)")
            XCTAssertTrue(result.stdout.contains("--max-instructions"), "\(arguments): \(result)")
        }
        XCTAssertTrue(try EcshProcess.run(["--help"]).stdout.contains("SUBCOMMANDS:"))
    }

    /// --max-instructions is a budget per chunk: it was counted over the whole run, so a second chunk (or
    /// REPL line) failed on what the first had used.
    func testTheInstructionBudgetIsPerChunk() throws {
        let loop = "for i = 1, 100000 do end"
        let result = try EcshProcess.run(["--max-instructions", "150000", "-e", loop, "-e", loop, "-e", "return 'ok'"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "ok\n")
        let over = try EcshProcess.run(["--max-instructions", "150000", "-e", "for i = 1, 200000 do end"])
        XCTAssertEqual(over.exitCode, 1, "\(over)")
        XCTAssertTrue(over.stderr.contains("instruction budget exhausted"), "\(over)")
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

    /// Option values that could never work are usage errors before anything runs (they failed at the first
    /// call with exit 1, or exited 0 when the script made none).
    func testUnusableOptionValuesAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--endpoint", "not a url"], "--endpoint"),
            (["--endpoint", "ftp://example.com"], "scheme must be http or https"),
            (["--endpoint", "https://ecs.aliyuncs.com:99999"], "port 99999 is not from 1 to 65535"),
            (["--endpoint", "http://10.0.0.1"], "use https or pass --insecure"),
            (["--region", "evil.com/x"], "--region"),
            (["--local", "--endpoint", "http://127.0.0.1:1"], "cannot be used with --endpoint"),
            (["--memory-limit", "8796093022208"], "--memory-limit"),
            (["--rate", "1/1e20"], "--rate"),
        ]
        for (options, expected) in cases {
            let result = try EcshProcess.run(options + ["-e", "print('ran')"])
            XCTAssertEqual(result.exitCode, 2, "\(options): \(result)")
            XCTAssertFalse(result.stdout.contains("ran"), "\(options): \(result)")
            XCTAssertTrue(result.stderr.contains(expected), "\(options): \(result)")
        }
        let insecure = try EcshProcess.run(["--endpoint", "http://10.0.0.1", "--insecure", "-e", "print('ran')"])
        XCTAssertEqual(insecure.exitCode, 0, "--insecure allows it: \(insecure)")
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

    /// A script that catches the interrupt with pcall and runs to its end still exits 130 (it exited 0).
    func testSIGINTCaughtByPcallStillEndsWith130() throws {
        let process = try EcshProcess(["--local", "-e", """
            print('looping') io.stdout:flush()
            local ok, err = pcall(ecs.wait_image, { ImageId = ecs.images{ ImageOwnerAlias = 'self' }().ImageId,
                                                     condition = function() return false end, interval = 0.05 })
            print('caught: ' .. tostring(err))
            """])
        XCTAssertTrue(process.waitForStdout(containing: "looping"), "never started: \(process.stderr)")
        Thread.sleep(forTimeInterval: 0.3)
        process.send(signal: SIGINT)
        let result = process.wait(timeout: 10)
        XCTAssertEqual(result.exitCode, 130, "\(result)")
        XCTAssertTrue(result.stdout.contains("caught: "), "the script went on to its end: \(result)")
        XCTAssertTrue(result.stderr.contains("ecsh: interrupted"), "\(result)")
    }

    /// A script's own error that happens to end in "interrupted!" is an error: exit 1 with its traceback.
    func testAnErrorMentioningInterruptedIsStillAnError() throws {
        let result = try EcshProcess.run(["-e", "error('copy of m-123 was interrupted!')"])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.contains("copy of m-123 was interrupted!"), "\(result)")
        XCTAssertTrue(result.stderr.contains("stack traceback:"), "\(result)")
    }

    /// Stuck where the interrupt flag is never looked at (a long C call): the first SIGINT cannot stop it;
    /// another one a second or more later ends the process with 130, while one right after the first (a
    /// double tap) does not.
    func testSecondSIGINTEndsAProcessStuckInC() throws {
        let stuck = ["print('looping') io.stdout:flush() string.rep('a', 1e8):find('.-.-.-.-.-.-.-.-.-b')"]
        for chunk in stuck {
            let process = try EcshProcess(["-e", chunk])
            XCTAssertTrue(process.waitForStdout(containing: "looping"), "never started: \(process.stderr)")
            Thread.sleep(forTimeInterval: 0.3)
            process.send(signal: SIGINT)
            Thread.sleep(forTimeInterval: 0.1)
            process.send(signal: SIGINT)
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertTrue(process.isRunning, "\(chunk): a double tap ended it")
            Thread.sleep(forTimeInterval: 0.8)
            process.send(signal: SIGINT)
            let result = process.wait(timeout: 10)
            XCTAssertFalse(result.signaled, "\(chunk): \(result)")
            XCTAssertEqual(result.exitCode, 130, "\(chunk): \(result)")
            XCTAssertTrue(result.stderr.contains("interrupted again"), "\(chunk): \(result)")
        }
    }

    /// A __tostring that never returns, run to print an error object, hung the process until a second
    /// Ctrl-C (its hooks were off); it now has an instruction limit of its own, and the error is reported.
    func testAToStringThatNeverReturnsEndsByItself() throws {
        let result = try EcshProcess.run(["-e", "error(setmetatable({}, { __tostring = function() while true do end end }))"])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.contains("__tostring ran more than 100 million instructions"), "\(result)")
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
