import Foundation
import TestSupport
import XCTest

/// `--sandbox` (no processes, no native libraries, no file writes) and `--max-instructions`.
final class SandboxTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory(prefix: "ecsh-e2e-sandbox")
    }

    override func tearDown() {
        dir.remove()
    }

    private static let dangerous = "return os.execute, io.popen, package.loadlib, os.remove, os.rename"

    func testDangerousFunctionsAreNil() throws {
        let result = try EcshProcess.run(["--sandbox", "-e", Self.dangerous])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "nil\tnil\tnil\tnil\tnil\n")
    }

    func testDangerousFunctionsExistWithoutSandbox() throws {
        let result = try EcshProcess.run(["-e", Self.dangerous.replacingOccurrences(of: ", ", with: " ~= nil, ") + " ~= nil"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "true\ttrue\ttrue\ttrue\ttrue\n")
    }

    func testOpeningForWritingRaisesAndCreatesNoFile() throws {
        for mode in ["w", "a", "r+", "wb", "w+"] {
            let target = dir.path("written-\(mode.replacingOccurrences(of: "+", with: "plus")).txt")
            let result = try EcshProcess.run(["--sandbox", "-e", "local f = io.open('\(target)', '\(mode)') f:write('x') f:close()"])
            XCTAssertEqual(result.exitCode, 1, "mode \(mode): \(result)")
            XCTAssertTrue(result.stderr.contains("sandbox"), "the error says why (mode \(mode)): \(result)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: target), "mode \(mode) created the file")
        }
    }

    func testWriteErrorCanBeCaught() throws {
        let target = dir.path("caught.txt")
        let result = try EcshProcess.run(["--sandbox", "-e", "local ok, err = pcall(io.open, '\(target)', 'w') return ok, tostring(err)"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertTrue(result.stdout.hasPrefix("false\t"), "\(result)")
        XCTAssertTrue(result.stdout.contains("sandbox"), "\(result)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testRedirectingOutputToAFileIsRefused() throws {
        let target = dir.path("redirected.txt")
        let result = try EcshProcess.run(["--sandbox", "-e", "io.output('\(target)') io.write('x')"])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testWritingWorksWithoutSandbox() throws {
        let target = dir.path("allowed.txt")
        let result = try EcshProcess.run(["-e", "local f = assert(io.open('\(target)', 'w')) f:write('written') f:close()"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "written")
    }

    func testReadingFilesStillWorks() throws {
        let source = try dir.write("data.txt", "first line\nsecond line\n")
        let result = try EcshProcess.run([
            "--sandbox", "-e",
            "local f = assert(io.open('\(source)')) local all = f:read('a') f:close() "
                + "local n = 0 for _ in io.lines('\(source)') do n = n + 1 end return #all, n",
        ])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "23\t2\n")
    }

    func testSandboxedScriptFileRuns() throws {
        let script = try dir.write("ok.lua", "print(type(os.execute), type(string.format))\n")
        let result = try EcshProcess.run(["--sandbox", script])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "nil\tfunction\n")
    }

    func testInstructionBudgetStopsAnEndlessLoop() throws {
        for extra in [[], ["--sandbox"]] {
            let result = try EcshProcess.run(extra + ["--max-instructions", "100000", "-e", "while true do end"])
            XCTAssertEqual(result.exitCode, 1, "\(extra): \(result)")
            XCTAssertTrue(result.stderr.contains("instruction budget exhausted"), "\(extra): \(result)")
        }
    }

    func testInstructionBudgetLetsShortChunksFinish() throws {
        let result = try EcshProcess.run(["--max-instructions", "100000", "-e", "local s = 0 for i = 1, 100 do s = s + i end return s"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "5050\n")
    }
}
