import Foundation
import XCTest

/// 32 concurrent ecsh clients against `ecsh serve --rate off` for a bounded time (15 s, or
/// `ECSH_LOAD_SECONDS`): no errors at all (the clients do not retry), and the emulator's RSS
/// stays roughly flat after warm-up. Figures are printed; only a generous bound is asserted.
final class ReliabilityLoadTests: XCTestCase {
    func testThirtyTwoConcurrentClientsGetNoErrorsAndEmulatorMemoryStaysFlat() throws {
        let seconds = Int(ProcessInfo.processInfo.environment["ECSH_LOAD_SECONDS"] ?? "") ?? 15
        let clientCount = 32
        let server = try ReliabilityHarness.Server(["--rate", "off"])
        let startRSS = try XCTUnwrap(server.child.residentKiB)
        let environment = try ReliabilityHarness.environment(ReliabilityHarness.demoCredentials)
        let started = Date()
        let clients = try (1...clientCount).map { index in
            try ReliabilityHarness.Child(
                try ReliabilityHarness.requireBinary(),
                ["--endpoint", server.url, "--rate", "off", ReliabilityHarness.fixture("load_client.lua"), "\(seconds)", "\(index)"],
                environment: environment)
        }
        // Sample the emulator's RSS every 250 ms until every client has finished.
        var samples: [(time: Double, kib: Int)] = []
        let finished = clients[0].poll(timeout: Double(seconds) + 180) {
            if let kib = server.child.residentKiB { samples.append((Date().timeIntervalSince(started), kib)) }
            usleep(230_000)
            return clients.allSatisfy { !$0.process.isRunning }
        }
        XCTAssertTrue(finished, "clients still running long after their \(seconds) s")
        let elapsed = Date().timeIntervalSince(started)

        var requests = 0
        var errors = 0
        var codes: [String: Int] = [:]
        for (index, client) in clients.enumerated() {
            let status = client.wait(timeout: 10)
            XCTAssertEqual(status, 0, "client \(index + 1): \(client.stderr)")
            guard let summary = try? ReliabilityHarness.json(client.stdout) as? [String: Any] else {
                XCTFail("client \(index + 1) printed no summary: \(client.stdout) \(client.stderr)")
                continue
            }
            requests += summary["requests"] as? Int ?? 0
            errors += summary["errors"] as? Int ?? 0
            for (code, count) in summary["codes"] as? [String: Int] ?? [:] where code != "_" { codes[code, default: 0] += count }
        }

        // Warm-up: the first quarter of the run (at least 3 s), when pools, caches and the store fill.
        let warmUp = max(3, Double(seconds) / 4)
        let afterWarmUp = samples.filter { $0.time >= warmUp }
        let baseline = try XCTUnwrap(afterWarmUp.first?.kib, "no RSS sample after warm-up")
        let peak = afterWarmUp.map(\.kib).max() ?? baseline
        let last = samples.last?.kib ?? baseline
        let figures = """
            load: \(clientCount) clients, \(seconds) s each (\(String(format: "%.1f", elapsed)) s wall), \(requests) requests \
            (\(String(format: "%.0f", Double(requests) / elapsed)) req/s), \(errors) errors \(codes); emulator RSS KiB: \
            start \(startRSS), after \(String(format: "%.0f", warmUp)) s warm-up \(baseline), peak \(peak), end \(last) \
            (\(samples.count) samples)
            """
        print(figures)
        XCTAssertEqual(errors, 0, "errors under load: \(codes)")
        XCTAssertGreaterThan(requests, clientCount * 10, "the load never got going")
        XCTAssertLessThan(Double(peak), 3 * Double(baseline), "emulator memory grew under steady load: \(figures)")

        let after = try ReliabilityHarness.ecsh(
            ["--endpoint", server.url, "-e", "return ecs.describe_images{ PageSize = 1 }.TotalCount"],
            environment: ReliabilityHarness.demoCredentials)
        XCTAssertEqual(after.status, 0, "the emulator stopped answering after the load: \(after.stderr)")
        XCTAssertEqual(server.stop(), 0)
    }
}
