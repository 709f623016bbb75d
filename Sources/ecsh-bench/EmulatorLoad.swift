import AsyncHTTPClient
import ECSCore
import Foundation
import NIOCore
import NIOHTTP1

/// `ecsh-bench emulator URL SECONDS CONNECTIONS [LABEL]`: drives a running `ecsh serve` with signed
/// DescribeImages (PageSize=10) and then ModifyImageAttribute calls from CONNECTIONS concurrent
/// connections for SECONDS each, and prints requests per second and latency percentiles.
enum EmulatorLoad {
    /// What the workers of one phase measured: latencies of the answered (200) calls, and the failures.
    struct Tally: Sendable {
        var latencies: [Double] = []
        var failures = 0
        var firstFailure: String?

        mutating func merge(_ other: Tally) {
            latencies += other.latencies
            failures += other.failures
            firstFailure = firstFailure ?? other.firstFailure
        }
    }

    /// The demo full-access key: public, documented, only ever accepted by the emulator.
    static let credentials = Credentials(accessKeyId: "demo-full-access", accessKeySecret: Secret("demo-full-secret"))

    static func main(_ arguments: [String]) async throws {
        guard arguments.count >= 3, let url = URL(string: arguments[0]), let host = url.host,
              let seconds = Double(arguments[1]), seconds > 0, let connections = Int(arguments[2]), connections > 0
        else {
            FileHandle.standardError.write(Data("usage: ecsh-bench emulator URL SECONDS CONNECTIONS [LABEL]\n".utf8))
            exit(2)
        }
        let label = arguments.count > 3 ? arguments[3] : "emulator"
        let authority = url.port.map { "\(host):\($0)" } ?? host
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(30))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let load = LoadDriver(client: client, origin: "\(url.scheme ?? "http")://\(authority)", authority: authority)
        do {
            let ids = try await load.ownImageIds()
            let describe: @Sendable (Int, Int) -> (String, [String: String]) = { _, _ in
                ("DescribeImages", ["RegionId": "cn-hangzhou", "PageSize": "10"])
            }
            let modify: @Sendable (Int, Int) -> (String, [String: String]) = { worker, index in
                ("ModifyImageAttribute", [
                    "RegionId": "cn-hangzhou", "ImageId": ids[(worker + index) % ids.count],
                    "Description": index % 2 == 0 ? "bench description A" : "bench description B",
                ])
            }
            for (name, make) in [("DescribeImages PageSize=10", describe), ("ModifyImageAttribute", modify)] {
                _ = await load.run(seconds: min(1, seconds), connections: connections, make: make)  // warm-up
                let start = DispatchTime.now().uptimeNanoseconds
                let tally = await load.run(seconds: seconds, connections: connections, make: make)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                print(report(label: label, name: name, tally: tally, elapsed: elapsed, connections: connections))
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func report(label: String, name: String, tally: Tally, elapsed: Double, connections: Int) -> String {
        let sorted = tally.latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000
        }
        let rate = Double(sorted.count) / elapsed
        let failures = tally.failures == 0 ? "" : ", \(tally.failures) failed (first: \(tally.firstFailure ?? "?"))"
        return String(
            format: "emulator %@ %@: %.0f req/s, p50 %.2f ms, p99 %.2f ms (%d connections, %.0f s%@; goal >= 5,000 req/s in memory)",
            label, name, rate, percentile(0.5), percentile(0.99), connections, elapsed, failures)
    }
}
