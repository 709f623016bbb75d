import Foundation
import XCTest

/// The four examples of `examples/`, each run by the built binary against `ecsh serve`, and their
/// effect read back from the same server by a second ecsh. Assertions are on structure and on the
/// emulator's state, derived from the data found before the run, never on the demo data's exact size.
final class ExampleRunbookTests: XCTestCase {
    private typealias Harness = ReliabilityHarness

    /// Runs `examples/NAME ARGS` against `server`; fails the test unless it exits 0 with nothing on stderr.
    private func runExample(_ name: String, _ args: [String] = [], on server: Harness.Server,
                            file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let script = Harness.repositoryRoot.appendingPathComponent("examples/\(name)").path
        let result = try Harness.ecsh(["--endpoint", server.url, script] + args, environment: Harness.demoCredentials)
        XCTAssertEqual(result.status, 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr, "", file: file, line: line)
        XCTAssertFalse(result.stdout.contains("demo-full-secret"), "the secret leaked", file: file, line: line)
        return result.stdout
    }

    /// Evaluates a Lua chunk with a second ecsh (against `server`, or `--local` when nil) and decodes its JSON result.
    private func query(_ chunk: String, on server: Harness.Server?) throws -> Any {
        let target = server.map { ["--endpoint", $0.url] } ?? ["--local"]
        let result = try Harness.ecsh(target + ["--output", "json", "-e", chunk], environment: Harness.demoCredentials)
        guard result.status == 0 else { throw Harness.Failure("query failed: \(result.stderr)") }
        return try Harness.json(result.stdout)
    }

    /// The self-owned images matching a DescribeImages filter (Lua table syntax), as id → (status, creation, imds).
    private func images(_ filter: String, on server: Harness.Server?) throws -> [String: [String: String]] {
        let rows = try query("""
            local t = {}
            for img in ecs.images{ ImageOwnerAlias = 'self', Status = 'ALL', \(filter) } do
              t[img.ImageId] = { status = img.Status, created = img.CreationTime, imds = img.Features.ImdsSupport or '' }
            end
            return t
            """, on: server)
        return rows as? [String: [String: String]] ?? [:]
    }

    /// The first capture groups of `pattern` in `text`, as integers.
    private func numbers(_ pattern: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> [Int] {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
            XCTFail("no line matching /\(pattern)/ in:\n\(text)", file: file, line: line)
            return []
        }
        return (1..<match.numberOfRanges).map { Int(text[Range(match.range(at: $0), in: text)!]) ?? -1 }
    }

    func testQuickstartRenamesTheImageItReports() throws {
        let server = try Harness.Server()
        let out = try runExample("quickstart.lua", on: server)
        // Its last line is JSON naming the image it renamed and the new name: the server must agree.
        let last = out.split(separator: "\n").last.map(String.init) ?? ""
        let summary = try XCTUnwrap(try Harness.json(last) as? [String: String], out)
        let id = try XCTUnwrap(summary["renamed"]), name = try XCTUnwrap(summary["name"])
        XCTAssertTrue(name.hasPrefix("quickstart-"), out)
        XCTAssertEqual(try query("return ecs.image('\(id)').ImageName", on: server) as? String, name)
    }

    func testDeprecateOldImagesDeprecatesAllButTheNewestAndUnsharesFirst() throws {
        let server = try Harness.Server()
        let family = "web-prod", keep = 2
        let before = try images("ImageFamily = '\(family)'", on: server).filter { $0.value["status"] == "Available" }
        XCTAssertGreaterThan(before.count, keep + 1, "the demo family \(family) is too small to test anything")
        // Share the oldest one, so that the runbook has to unshare it before ECS lets it be deprecated.
        let newestFirst = before.sorted { $0.value["created"]! > $1.value["created"]! }.map(\.key)
        let shared = newestFirst.last!
        _ = try query("ecs.modify_image_share_permission{ ImageId = '\(shared)', AddAccount = { '1122334455667788' } } return true", on: server)

        let out = try runExample("deprecate-old-images.lua", [family, "30", "\(keep)"], on: server)
        let counts = numbers(#"deprecated (\d+), unshared (\d+), failed (\d+), kept (\d+)"#, in: out)
        XCTAssertEqual(counts, [before.count - keep, 1, 0, keep], out)
        XCTAssertTrue(out.contains("ImageId") && out.contains("deprecated (unshared from 1)"), "the summary table: \(out)")

        let after = try images("ImageFamily = '\(family)'", on: server)
        for (rank, id) in newestFirst.enumerated() {
            XCTAssertEqual(after[id]?["status"], rank < keep ? "Available" : "Deprecated", "\(id) (rank \(rank))\n\(out)")
        }
        let accounts = try query("return #ecs.describe_image_share_permission{ ImageId = '\(shared)' }.Accounts", on: server)
        XCTAssertEqual(accounts as? Int, 0, "\(shared) is still shared")
    }

    /// An image shared with the most accounts ECS allows (50) is unshared from all of them, then deprecated.
    func testDeprecateOldImagesUnsharesEveryAccount() throws {
        let server = try Harness.Server()
        let family = "web-prod"
        let oldest = try images("ImageFamily = '\(family)'", on: server).sorted { $0.value["created"]! < $1.value["created"]! }[0].key
        _ = try query("""
            for batch = 0, 4 do
              local accounts = {}
              for i = 1, 10 do accounts[i] = tostring(2000000000000000 + batch * 10 + i) end
              ecs.modify_image_share_permission{ ImageId = '\(oldest)', AddAccount = accounts }
            end
            return ecs.describe_image_share_permission{ ImageId = '\(oldest)' }.TotalCount
            """, on: server)
        let out = try runExample("deprecate-old-images.lua", [family, "30", "2"], on: server)
        XCTAssertTrue(out.contains("deprecated (unshared from 50)"), out)
        XCTAssertEqual(numbers(#"unshared (\d+), failed (\d+)"#, in: out), [1, 0], out)
        XCTAssertEqual(try query("return ecs.describe_image_share_permission{ ImageId = '\(oldest)' }.TotalCount", on: server) as? Int, 0)
        XCTAssertEqual(try query("return ecs.image('\(oldest)').Status", on: server) as? String, "Deprecated")
    }

    func testImdsMigrationLeavesOnlyTheRefusedImagesOnV1() throws {
        let server = try Harness.Server()
        let before = try images("", on: server)
        let alreadyV2 = before.filter { $0.value["imds"] == "v2" }.count
        XCTAssertLessThan(alreadyV2, before.count, "nothing to migrate in the demo data")

        let out = try runExample("imds-v2-migration.lua", on: server)
        let counts = numbers(#"migrated (\d+), already v2 (\d+), refused (\d+)"#, in: out)
        guard counts.count == 3 else { return }
        XCTAssertEqual(counts[1], alreadyV2, out)
        XCTAssertEqual(counts.reduce(0, +), before.count, out)

        // Every image the server still has on v1 is one the runbook reported as refused, with a code.
        let after = try images("", on: server)
        let stillV1 = after.filter { $0.value["imds"] != "v2" }
        XCTAssertEqual(stillV1.count, counts[2], out)
        for (id, image) in stillV1 {
            let row = out.split(separator: "\n").first { $0.hasPrefix(id) } ?? ""
            let code = row.split(separator: " ").last.map(String.init) ?? ""
            XCTAssertNotNil(code.range(of: #"^[A-Z][A-Za-z]+(\.[A-Za-z]+)*$"#, options: .regularExpression),
                            "\(id) (\(image["status"] ?? "")) is not reported with an error code:\n\(out)")
        }
        // The demo data has an image still Creating, which ECS refuses to change.
        XCTAssertTrue(out.contains("InvalidStatus.ImageIsCreating"), out)
    }

    func testRenameFamilyStopsWhenTheTargetFamilyIsFull() throws {
        let from = "batch-nightly", to = "hangzhou-daily-update"
        // Read the sizes from the same demo data, then set the quota so that exactly one image cannot move.
        let fromBefore = try images("ImageFamily = '\(from)'", on: nil), toBefore = try images("ImageFamily = '\(to)'", on: nil)
        XCTAssertGreaterThanOrEqual(fromBefore.count, 2, "the demo family \(from) is too small to test anything")
        XCTAssertGreaterThan(toBefore.count, 0, "the demo family \(to) is missing")
        let quota = toBefore.count + fromBefore.count - 1
        let server = try Harness.Server(["--family-quota", "\(quota)"])

        let out = try runExample("rename-family.lua", [from, to], on: server)
        XCTAssertEqual(numbers(#"moved (\d+), left (\d+)"#, in: out), [fromBefore.count - 1, 1], out)
        XCTAssertTrue(out.contains("stopped: family \(to) is full (ImageQuotaFull.ImageFamily)"), out)

        let fromAfter = try images("ImageFamily = '\(from)'", on: server), toAfter = try images("ImageFamily = '\(to)'", on: server)
        XCTAssertEqual(toAfter.count, quota, out)
        XCTAssertEqual(Set(toAfter.keys), Set(toBefore.keys).union(Set(fromBefore.keys).subtracting(fromAfter.keys)))
        // The one left behind is the oldest, and it is listed.
        let oldest = fromBefore.min { $0.value["created"]! < $1.value["created"]! }!.key
        XCTAssertEqual(Array(fromAfter.keys), [oldest], out)
        XCTAssertTrue(out.contains("left in \(from): \(oldest)"), out)
    }

    func testRenameFamilyRefusesAMalformedTargetBeforeAnyRequest() throws {
        let server = try Harness.Server()
        let script = Harness.repositoryRoot.appendingPathComponent("examples/rename-family.lua").path
        let result = try Harness.ecsh(["--endpoint", server.url, "--debug", script, "batch-nightly", "1bad"],
                                      environment: Harness.demoCredentials)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("InvalidImageFamily.Malformed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("usage: ecsh [--dry-run] rename-family.lua [FROM [TO]]"), result.stderr)
        XCTAssertFalse(result.stderr.contains("DescribeImages"), "a request was sent: \(result.stderr)")
    }

    /// Everything a runbook could change, per image: name, description, family, status, IMDS, shares.
    private func state(on server: Harness.Server) throws -> [String: String] {
        let rows = try query("""
            local t = {}
            for img in ecs.images{ ImageOwnerAlias = 'self', Status = 'ALL' } do
              t[img.ImageId] = table.concat({ img.ImageName, img.Description or '', img.ImageFamily or '', img.Status,
                                              img.Features.ImdsSupport or '', img.IsSelfShared or '' }, '|')
            end
            return t
            """, on: server)
        return rows as? [String: String] ?? [:]
    }

    /// Under --dry-run every runbook sends no change and says so (they reported the changes as done:
    /// "deprecated 3", "migrated 21", "moved 4", a quickstart rename read back as if applied).
    func testEveryRunbookChangesNothingUnderDryRunAndSaysSo() throws {
        let server = try Harness.Server()
        let before = try state(on: server)
        XCTAssertGreaterThan(before.count, 5)
        for name in ["quickstart.lua", "deprecate-old-images.lua", "imds-v2-migration.lua", "rename-family.lua"] {
            let script = Harness.repositoryRoot.appendingPathComponent("examples/\(name)").path
            let result = try Harness.ecsh(["--endpoint", server.url, "--dry-run", script], environment: Harness.demoCredentials)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("dry run"), "\(name) does not say it was a dry run:\n\(result.stdout)")
            // The wording of a real run ("deprecated 3, ...", "migrated 20, ...", "moved 2, ...", "8 applied").
            let claims = try NSRegularExpression(pattern: #"^(deprecated|migrated|moved) \d+|\d+ applied"#, options: .anchorsMatchLines)
            let range = NSRange(result.stdout.startIndex..., in: result.stdout)
            XCTAssertNil(claims.firstMatch(in: result.stdout, range: range), "\(name) claims a change in a dry run:\n\(result.stdout)")
            XCTAssertEqual(try state(on: server), before, "\(name) changed something under --dry-run")
        }
    }

    /// Usage mistakes get a usage line and exit 2, never a traceback, and change nothing. KEEP = -1 used
    /// to deprecate the whole family, DAYS = -5 put the cutoff in the future, and --dry-run after the
    /// script's name was ignored while quickstart renamed an image.
    func testRunbooksExplainUsageMistakesAndChangeNothing() throws {
        let server = try Harness.Server()
        let before = try state(on: server)
        let cases: [(String, [String])] = [
            ("deprecate-old-images.lua", ["web-prod", "30", "-1"]), ("deprecate-old-images.lua", ["web-prod", "-5"]),
            ("deprecate-old-images.lua", ["web-prod", "abc"]), ("deprecate-old-images.lua", ["web-prod", "30", "1.5"]),
            ("deprecate-old-images.lua", ["--help"]), ("deprecate-old-images.lua", ["aliyun-bad"]),
            ("rename-family.lua", ["-h"]), ("rename-family.lua", ["a-family", "b-family", "extra"]),
            ("imds-v2-migration.lua", ["CN-HANGZHOU"]), ("quickstart.lua", ["--dry-run"]),
        ]
        for (name, args) in cases {
            let script = Harness.repositoryRoot.appendingPathComponent("examples/\(name)").path
            let result = try Harness.ecsh(["--endpoint", server.url, script] + args, environment: Harness.demoCredentials)
            XCTAssertEqual(result.status, 2, "\(name) \(args): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("usage: ecsh") || result.stderr.contains("takes no arguments"), "\(name) \(args): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("stack traceback"), "\(name) \(args): \(result.stderr)")
        }
        XCTAssertEqual(try state(on: server), before, "a usage mistake changed something")
    }
}
