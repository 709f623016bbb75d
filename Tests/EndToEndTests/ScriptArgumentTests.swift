import Foundation
import XCTest

/// A script's arguments arrive in `arg` and `...` however many there are (a bulk runbook takes ids on
/// the command line); more than Lua's 20 guaranteed stack slots once crashed the binary.
final class ScriptArgumentTests: XCTestCase {
    func testAScriptTakesHundredsOfArguments() throws {
        let dir = try ReliabilityHarness.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("count.lua")
        try Data("local n = select('#', ...) print(n, #arg, arg[1], arg[n], (select(n, ...)))\n".utf8).write(to: script)
        let args = (1...500).map { "a\($0)" }
        let result = try ReliabilityHarness.ecsh([script.path] + args, timeout: 20)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "500\t500\ta1\ta500\ta500\n")
    }
}
