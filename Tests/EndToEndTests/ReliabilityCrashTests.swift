import Foundation
import XCTest

/// Crash safety of `ecsh serve --data FILE`: kill -9 mid-job loses nothing acknowledged and
/// half-applies nothing; a corrupt or foreign file is refused and left byte-identical.
final class ReliabilityCrashTests: XCTestCase {
    func testKill9MidJobLosesNothingAcknowledgedAndHalfAppliesNothing() throws {
        let directory = try ReliabilityHarness.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("emulator.sqlite").path
        let server = try ReliabilityHarness.Server(["--data", data, "--rate", "off"])
        let writer = try ReliabilityHarness.Child(
            try ReliabilityHarness.requireBinary(),
            ["--endpoint", server.url, "--rate", "off", ReliabilityHarness.fixture("crash_bulk.lua"), "1000"],
            environment: try ReliabilityHarness.environment(ReliabilityHarness.demoCredentials))
        func acks() -> Int { writer.stdout.components(separatedBy: "\nACK ").count - 1 }
        // Kill once a few rounds are acknowledged, while the writer is still going.
        let underWay = writer.poll(timeout: 120) { acks() >= 500 || !writer.process.isRunning }
        XCTAssertTrue(underWay && writer.process.isRunning, "the writer never got under way: \(writer.stderr)")
        server.child.kill(SIGKILL)
        XCTAssertEqual(server.child.wait(timeout: 10), 128 + SIGKILL)
        let writerStatus = writer.wait(timeout: 120)
        if writerStatus == nil { writer.kill(SIGKILL); _ = writer.wait(timeout: 10) }
        XCTAssertEqual(writerStatus, 3, "the writer should stop on the failed round: \(writer.stderr)")

        // Everything the client saw acknowledged: image → highest acknowledged round.
        var acknowledged: [String: Int] = [:]
        var imageCount = 0
        for line in writer.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.first == "IMAGES", fields.count == 2 { imageCount = Int(fields[1]) ?? 0 }
            guard fields.first == "ACK", fields.count == 3, let round = Int(fields[2]) else { continue }
            acknowledged[String(fields[1]), default: 0] = max(acknowledged[String(fields[1])] ?? 0, round)
        }
        XCTAssertGreaterThan(imageCount, 0)
        let totalAcks = writer.stdout.split(separator: "\n").filter { $0.hasPrefix("ACK ") }.count

        let restarted = try ReliabilityHarness.Server(["--data", data, "--rate", "off"])
        let readBack = try ReliabilityHarness.ecsh(
            ["--endpoint", restarted.url, "--output", "json", "-e", """
                local t = {}
                for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do
                  t[img.ImageId] = { name = img.ImageName or "", description = img.Description or "" }
                end
                return t
                """],
            environment: ReliabilityHarness.demoCredentials)
        XCTAssertEqual(readBack.status, 0, readBack.stderr)
        let held = try XCTUnwrap(try ReliabilityHarness.json(readBack.stdout) as? [String: [String: String]], readBack.stdout)
        XCTAssertEqual(held.count, imageCount, "images appeared or vanished across the crash")

        func round(_ text: String, _ pattern: String) -> Int? {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
            return Int((text as NSString).substring(with: match.range(at: 1)))
        }
        var inFlightApplied = 0
        for (id, image) in held {
            let nameRound = round(image["name"] ?? "", #"^crash-r(\d+)-"#)
            let descriptionRound = round(image["description"] ?? "", #"^crash round (\d+) of "#)
            XCTAssertEqual(nameRound, descriptionRound, "\(id) is half-applied: name \(image["name"] ?? "") vs description \(image["description"] ?? "")")
            let acked = acknowledged[id] ?? 0
            let applied = nameRound ?? 0
            XCTAssertGreaterThanOrEqual(applied, acked, "\(id): acknowledged round \(acked) lost (holds round \(applied))")
            // Only the one unacknowledged change that was in flight at the kill may have landed.
            XCTAssertLessThanOrEqual(applied, acked + 1, "\(id): holds round \(applied), beyond anything sent after ack \(acked)")
            if applied == acked + 1 { inFlightApplied += 1 }
        }
        print("crash test: \(totalAcks) acknowledged changes over \(imageCount) images before kill -9; after restart all present, none half-applied; \(inFlightApplied) unacknowledged in-flight changes had committed")
        XCTAssertEqual(restarted.stop(), 0)
    }

    func testCorruptDataFileIsRefusedAndLeftUntouched() throws {
        let directory = try ReliabilityHarness.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("corrupt.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<16384).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: file)
        try assertRefused(file, original: bytes, expecting: "not an ecsh emulator database")
    }

    func testForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let directory = try ReliabilityHarness.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("foreign.sqlite")
        try Data(Self.foreignDatabase).write(to: file)
        XCTAssertTrue(Self.foreignDatabase.starts(with: Array("SQLite format 3\0".utf8)))
        try assertRefused(file, original: Data(Self.foreignDatabase), expecting: "another program")
    }

    private func assertRefused(_ file: URL, original: Data, expecting phrase: String, line: UInt = #line) throws {
        let result = try ReliabilityHarness.ecsh(["serve", "--port", "0", "--data", file.path], timeout: 30)
        XCTAssertNotEqual(result.status, 0, "serve accepted \(file.lastPathComponent)", line: line)
        XCTAssertFalse(result.stdout.contains("listening on"), result.stdout, line: line)
        XCTAssertTrue(result.stderr.contains(file.path) && result.stderr.contains(phrase) && result.stderr.contains("refusing"),
                      "unclear error: \(result.stderr)", line: line)
        XCTAssertEqual(try Data(contentsOf: file), original, "\(file.lastPathComponent) was modified", line: line)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, [file.lastPathComponent], "serve left files next to it: \(leftovers)", line: line)
        print("refused \(file.lastPathComponent): exit \(result.status): \(result.stderr)")
    }

    /// A valid SQLite 3 database of another program (one table `customers(id, name)` with a row),
    /// written by hand so the test needs no sqlite3 tool: the 100-byte header, then page 1 holding
    /// sqlite_master, then page 2 holding the table. Page size 512.
    static let foreignDatabase: [UInt8] = {
        let pageSize = 512
        var db = [UInt8](repeating: 0, count: pageSize * 2)
        func put(_ bytes: [UInt8], at offset: Int) { db.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func varint(_ v: Int) -> [UInt8] {
            precondition(v < 16384)
            return v < 128 ? [UInt8(v)] : [UInt8(0x80 | (v >> 7)), UInt8(v & 0x7F)]
        }
        /// A table-leaf cell: payload length, rowid, record (header of serial types, then the values).
        func cell(rowid: Int, _ values: [Any]) -> [UInt8] {
            var types: [UInt8] = []
            var body: [UInt8] = []
            for value in values {
                if let text = value as? String {
                    types += varint(text.utf8.count * 2 + 13)
                    body += Array(text.utf8)
                } else if let int = value as? Int {
                    types += varint(1)
                    body.append(UInt8(int))
                } else {
                    types += varint(0)
                }
            }
            let header = varint(types.count + 1) + types
            let record = header + body
            return varint(record.count) + varint(rowid) + record
        }
        func leaf(page: Int, cells: [[UInt8]]) {
            let start = page == 1 ? 100 : 0
            let base = (page - 1) * pageSize
            var contentStart = pageSize
            var pointers: [Int] = []
            for cell in cells {
                contentStart -= cell.count
                put(cell, at: base + contentStart)
                pointers.append(contentStart)
            }
            put([0x0D] + be16(0) + be16(cells.count) + be16(contentStart) + [0], at: base + start)
            for (i, pointer) in pointers.enumerated() { put(be16(pointer), at: base + start + 8 + 2 * i) }
        }
        put(Array("SQLite format 3\0".utf8), at: 0)
        put(be16(pageSize) + [1, 1, 0, 64, 32, 32], at: 16)
        put(be32(1), at: 24)        // file change counter
        put(be32(2), at: 28)        // database size in pages
        put(be32(1), at: 40)        // schema cookie
        put(be32(4), at: 44)        // schema format number
        put(be32(1), at: 56)        // text encoding: UTF-8
        put(be32(1), at: 92)        // version-valid-for
        put(be32(3_045_001), at: 96)
        leaf(page: 1, cells: [cell(rowid: 1, [
            "table", "customers", "customers", 2, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)",
        ])])
        leaf(page: 2, cells: [cell(rowid: 1, [NSNull(), "Ada"])])
        return db
    }()
}
