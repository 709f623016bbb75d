import Foundation
import XCTest
@testable import ECSShell

final class HistoryFileTests: XCTestCase {
    private func tempPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("h").path
    }

    func testRoundTripOfMultiLineEntriesAndBackslashes() throws {
        let path = try tempPath()
        var h = HistoryFile(path: path)
        h.append("for i = 1, 2 do\n  print('a\\nb')\nend")
        h.append("x = 1")
        XCTAssertEqual(HistoryFile(path: path).entries, ["for i = 1, 2 do\n  print('a\\nb')\nend", "x = 1"])
    }

    func testSecretsAndBlankLinesAreNeverWritten() throws {
        let path = try tempPath()
        var h = HistoryFile(path: path, secrets: ["MARKER-SECRET", ""])
        XCTAssertFalse(h.append("ecs.config{ secret = 'xx-MARKER-SECRET-yy' }"))
        XCTAssertFalse(h.append("   "))
        XCTAssertTrue(h.append("ok = true"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(text.contains("MARKER"))
        XCTAssertEqual(text, "ok = true\n")
    }

    /// Two sessions open at once: each keeps the other's lines (the last to write used to win).
    func testTwoSessionsKeepEachOthersLines() throws {
        let path = try tempPath()
        var a = HistoryFile(path: path)
        var b = HistoryFile(path: path)
        a.append("a_one = 1")
        b.append("b_one = 1")
        a.append("a_two = 2")
        XCTAssertEqual(HistoryFile(path: path).entries, ["a_one = 1", "b_one = 1", "a_two = 2"])
        XCTAssertEqual(a.entries, ["a_one = 1", "b_one = 1", "a_two = 2"])
    }

    /// A history that is not UTF-8 keeps its lines (bad bytes as U+FFFD) instead of being wiped by the next append.
    func testAFileThatIsNotUTF8IsKept() throws {
        let path = try tempPath()
        try Data("old = 1\nbad = '\u{FF}'\n".utf8 + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        var h = HistoryFile(path: path)
        XCTAssertTrue(h.append("new = 2"))
        XCTAssertEqual(HistoryFile(path: path).entries, ["old = 1", "bad = 'ÿ'", "\u{FFFD}", "new = 2"])
    }

    func testSizeIsBounded() throws {
        let path = try tempPath()
        var h = HistoryFile(path: path)
        for i in 0..<(HistoryFile.maximumEntries + 25) { h.append("x = \(i)") }
        let reread = HistoryFile(path: path)
        XCTAssertEqual(reread.entries.count, HistoryFile.maximumEntries)
        XCTAssertEqual(reread.entries.first, "x = 25")
    }
}
