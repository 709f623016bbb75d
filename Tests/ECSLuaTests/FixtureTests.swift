import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

/// Runs every `Tests/Fixtures/ECSLua/NAME.lua` against a fresh emulator and compares what it prints
/// with `NAME.out` (set `ECSH_RECORD_FIXTURES=1` to write the `.out` files instead).
final class FixtureTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ECSLua")

    func testEveryFixturePrintsWhatItsOutFileHolds() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".lua") }.sorted()
        XCTAssertGreaterThanOrEqual(scripts.count, 3)
        for script in scripts {
            let lua = try LuaHarness()
            defer { lua.close() }
            lua.clearOutput()
            let source = try String(contentsOf: Self.directory.appendingPathComponent(script), encoding: .utf8)
            do {
                try lua.state.run(source, name: "@" + script)
            } catch {
                XCTFail("\(script): \(error)")
                continue
            }
            let expectedURL = Self.directory.appendingPathComponent(String(script.dropLast(4)) + ".out")
            if ProcessInfo.processInfo.environment["ECSH_RECORD_FIXTURES"] == "1" {
                try lua.output.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            XCTAssertEqual(lua.output, expected, "\(script) printed something else")
        }
    }
}
