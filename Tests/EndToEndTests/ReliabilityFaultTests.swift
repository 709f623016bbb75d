import Foundation
import XCTest

/// Injected faults, a server that never answers, and Ctrl-C during a bulk job — with the real
/// `ecsh` binary against real `ecsh serve` processes.
final class ReliabilityFaultTests: XCTestCase {
    /// `--fault-rate 0.2 --latency 20`: a bulk `ecs.parallel` job over every `self` image, 10 rounds,
    /// one retry. Every item ends applied or failed with its last error, and a separate ecsh reading
    /// the same server back finds every image exactly at its last acknowledged description (the
    /// emulator changes nothing for a failed request, so a later failed round must not show either).
    func testBulkJobUnderInjectedFaultsReportsEveryItemTruthfully() throws {
        let server = try ReliabilityHarness.Server(["--fault-rate", "0.2", "--latency", "20"])
        let rounds = 10
        let tag = "faults-\(UUID().uuidString.prefix(8))"
        let job = try ReliabilityHarness.ecsh(
            ["--endpoint", server.url, ReliabilityHarness.fixture("fault_bulk.lua"), "\(rounds)", tag, "1"],
            environment: ReliabilityHarness.demoCredentials, timeout: 300)
        XCTAssertEqual(job.status, 0, job.stderr)

        struct Outcome { let round: Int; let id: String; let description: String; let ok: Bool; let code: String?; let message: String? }
        let outcomes: [Outcome] = try job.stdout.split(separator: "\n").map { line in
            let object = try XCTUnwrap(try ReliabilityHarness.json(String(line)) as? [String: Any], String(line))
            return Outcome(
                round: try XCTUnwrap(object["round"] as? Int), id: try XCTUnwrap(object["id"] as? String),
                description: try XCTUnwrap(object["description"] as? String), ok: try XCTUnwrap(object["ok"] as? Bool),
                code: object["code"] as? String, message: object["message"] as? String)
        }
        let ids = Set(outcomes.map(\.id))
        XCTAssertGreaterThan(ids.count, 0)
        XCTAssertEqual(outcomes.count, rounds * ids.count, "every item of every round must end with an outcome")
        for round in 1...rounds {
            XCTAssertEqual(Set(outcomes.filter { $0.round == round }.map(\.id)), ids, "round \(round) lost items")
        }
        let failed = outcomes.filter { !$0.ok }
        for outcome in failed {
            XCTAssertNotNil(outcome.code, "a failed item must carry its last error: \(outcome)")
            XCTAssertFalse(outcome.message?.isEmpty ?? true, "a failed item must carry its last error's message: \(outcome)")
        }
        var codes: [String: Int] = [:]
        for outcome in failed { codes[outcome.code ?? "?", default: 0] += 1 }
        print("fault job: \(outcomes.count) items, \(outcomes.count - failed.count) applied, \(failed.count) failed; codes: \(codes)")
        // Only the injected faults may fail an item; anything else is a client or emulator bug.
        XCTAssertTrue(Set(codes.keys).isSubset(of: ["ServiceUnavailable", "InternalError", "Client.Transport"]), "\(codes)")

        let readBack = try ReliabilityHarness.ecsh(
            ["--endpoint", server.url, "--output", "json", "-e", """
                ecs.config{ retries = 10 }
                local t = {}
                for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do t[img.ImageId] = img.Description or "" end
                return t
                """],
            environment: ReliabilityHarness.demoCredentials)
        XCTAssertEqual(readBack.status, 0, readBack.stderr)
        let held = try XCTUnwrap(try ReliabilityHarness.json(readBack.stdout) as? [String: String], readBack.stdout)
        var neverApplied = 0
        for id in ids {
            let mine = outcomes.filter { $0.id == id }.sorted { $0.round < $1.round }
            let description = try XCTUnwrap(held[id], "image \(id) vanished")
            if let last = mine.last(where: \.ok) {
                XCTAssertEqual(description, last.description, "\(id): the emulator does not hold its last acknowledged change")
            } else {
                neverApplied += 1
                XCTAssertFalse(description.hasPrefix(tag), "\(id): every attempt failed, yet the emulator shows \(description)")
            }
        }
        print("fault job read-back: \(ids.count) images checked, \(neverApplied) never applied")
        XCTAssertEqual(server.stop(), 0)
    }

    /// A server that accepts and never answers: the call ends with `Client.Timeout` after the
    /// configured read timeout (2 s), instead of hanging.
    func testServerThatNeverAnswersEndsInATimeoutError() throws {
        let python = try XCTUnwrap(
            ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
                ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
                    .first(where: FileManager.default.isExecutableFile),
            "python3 is needed for the silent server")
        let silent = try ReliabilityHarness.Server(
            executable: URL(fileURLWithPath: python), arguments: [ReliabilityHarness.fixture("silent_server.py")])
        let started = Date()
        let result = try ReliabilityHarness.ecsh(
            ["--endpoint", silent.url, "-e", "ecs.config{ timeout = 2, retries = 0 }; return ecs.describe_regions{}"],
            environment: ReliabilityHarness.demoCredentials, timeout: 60)
        let elapsed = Date().timeIntervalSince(started)
        print("silent server: exit \(result.status) after \(String(format: "%.2f", elapsed)) s; stderr: \(result.stderr)")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("ecsh: Client.Timeout"), "the ECS code comes first: \(result.stderr)")
        XCTAssertTrue(silent.child.stdout.contains("accepted 1"), "the request must have reached the silent server")
        XCTAssertGreaterThanOrEqual(elapsed, 1.9, "ended before the 2 s read timeout: not a timeout")
        silent.child.kill(SIGKILL)
    }

    /// Ctrl-C (SIGINT) during a long `ecs.parallel` job: exit 130 long before the job could have
    /// finished, with a report of what was done, what was in flight and what never started.
    func testInterruptDuringBulkJobExits130WithAReport() throws {
        // 1000 items at concurrency 4 behind 200 ms of latency: ≥ 50 s if the interrupt were ignored.
        let server = try ReliabilityHarness.Server(["--latency", "200", "--rate", "off"])
        let total = 1000
        let job = try ReliabilityHarness.Child(
            try ReliabilityHarness.requireBinary(),
            ["--endpoint", server.url, "--rate", "off", ReliabilityHarness.fixture("interrupt_bulk.lua"), "\(total)"],
            environment: try ReliabilityHarness.environment(ReliabilityHarness.demoCredentials))
        let underWay = job.poll(timeout: 60) { job.stdout.split(separator: "\n").count >= 8 || !job.process.isRunning }
        XCTAssertTrue(underWay && job.process.isRunning, "the job never got under way: \(job.stderr)")
        let doneBeforeSignal = job.stdout.split(separator: "\n").count
        job.kill(SIGINT)
        let status = job.wait(timeout: 20)
        XCTAssertEqual(status, 130, "stderr: \(job.stderr)")
        let stderr = job.stderr
        print("interrupted job stderr: \(stderr)")
        XCTAssertFalse(job.stdout.contains("finished all"), "the job ran to the end despite Ctrl-C")

        let pattern = try NSRegularExpression(
            pattern: #"ecs\.parallel interrupted: (\d+) of (\d+) items done \((\d+) ok, (\d+) failed\); (\d+) in flight, outcome unknown.*; (\d+) not started"#)
        let match = try XCTUnwrap(
            pattern.firstMatch(in: stderr, range: NSRange(stderr.startIndex..., in: stderr)),
            "no report of what was done and not done:\n\(stderr)")
        let numbers = (1...6).map { Int((stderr as NSString).substring(with: match.range(at: $0)))! }
        let (done, reportedTotal, ok, failed, inFlight, notStarted) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        XCTAssertEqual(reportedTotal, total)
        XCTAssertEqual(ok + failed, done)
        XCTAssertEqual(done + inFlight + notStarted, total, "every item is accounted for")
        XCTAssertGreaterThanOrEqual(done, doneBeforeSignal, "the report forgets items that were seen done")
        XCTAssertGreaterThan(notStarted, 0)
        XCTAssertLessThanOrEqual(inFlight, 4, "more in flight than the concurrency")
        XCTAssertTrue(stderr.contains("ecsh: interrupted"), stderr)
        XCTAssertEqual(server.stop(), 0)
    }
}
