import Foundation
import LuaBridge
import XCTest
@testable import ECSShell

final class REPLTests: XCTestCase {
    private func session(_ results: [LineReadResult], region: String? = nil, historyPath: String? = nil) throws -> (out: String, err: String, reader: ScriptedLineReader) {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        let reader = ScriptedLineReader(results)
        var out = "", err = ""
        let history = historyPath.map { HistoryFile(path: $0) }
        let repl = REPL(state: state, reader: reader, history: history, prompt: { REPL.prompt(region: region) },
                        write: { out += $0 }, writeError: { err += $0 })
        XCTAssertEqual(repl.run(), .success)
        XCTAssertEqual(state.stackTop, 0, "the REPL must leave the stack balanced")
        return (out, err, reader)
    }

    func testExpressionsPrintTheirValues() throws {
        let s = try session([.line("1 + 1"), .line("'a', {x = 1, 2}"), .line("x = 5"), .line("x")])
        XCTAssertEqual(s.out, "2\n\"a\"\t{ 2, x = 1 }\n5\n")
        XCTAssertEqual(s.err, "")
    }

    func testIncompleteChunksReadContinuationLines() throws {
        let s = try session([.line("for i = 1, 2 do"), .line("  print(i)"), .line("end"), .line("function f()"), .line("return 7 end"), .line("f()")])
        XCTAssertEqual(s.reader.prompts, ["ecsh> ", ">> ", ">> ", "ecsh> ", ">> ", "ecsh> ", "ecsh> "])
        XCTAssertEqual(s.reader.history, ["for i = 1, 2 do\n  print(i)\nend", "function f()\nreturn 7 end", "f()"])
        XCTAssertEqual(s.out, "7\n")
    }

    func testErrorsAreShownAndTheLoopGoesOn() throws {
        let s = try session([.line("error('boom')"), .line("x = 1 +* 2"), .line("3")])
        XCTAssertTrue(s.err.contains("stdin:1: boom"), s.err)
        XCTAssertTrue(s.err.contains("stack traceback:"), s.err)
        XCTAssertTrue(s.err.contains("unexpected symbol near '*'"), s.err)
        XCTAssertEqual(s.out, "3\n")
    }

    func testCtrlCWhileContinuingAbandonsTheChunk() throws {
        let s = try session([.line("for i = 1, 2 do"), .interrupted, .line("4")])
        XCTAssertEqual(s.out, "4\n")
        XCTAssertEqual(s.reader.history, ["4"])
    }

    func testPromptShowsTheRegion() throws {
        XCTAssertEqual(REPL.prompt(region: "cn-hangzhou"), "ecsh [cn-hangzhou]> ")
        XCTAssertEqual(REPL.prompt(region: nil), "ecsh> ")
        let s = try session([.line("1")], region: "eu-central-1")
        XCTAssertEqual(s.reader.prompts.first, "ecsh [eu-central-1]> ")
    }

    func testRunningChunkIsInterruptedAndTheShellSurvives() throws {
        LuaInterrupt.installSignalHandler()
        defer { LuaInterrupt.restoreSignalHandler(); LuaInterrupt.clear() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { kill(getpid(), SIGINT) }
        let s = try session([.line("while true do end"), .line("'alive'")])
        XCTAssertTrue(s.err.contains("interrupted"), s.err)
        XCTAssertEqual(s.out, "\"alive\"\n")
    }

    func testHistoryIsWrittenOnlyForCompiledChunks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("history").path
        let s = try session([.line("local t = {"), .line("1 }"), .line("x = = 1"), .line("x = 1")], historyPath: path)
        XCTAssertEqual(s.reader.history, ["local t = {\n1 }", "x = = 1", "x = 1"], "the session keeps the typo for re-editing")
        let reread = HistoryFile(path: path)
        XCTAssertEqual(reread.entries, ["local t = {\n1 }", "x = 1"], "the file keeps only chunks that compiled")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }
}
