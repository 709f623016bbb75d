import ECSCore
import Foundation

/// The CPU floor under issue 5's figure (b): DescribeImages (ImageOwnerAlias=self, PageSize=10) sent with
/// 16 in flight, without Lua, measured two ways in one process: signing plus `AsyncHTTPClientTransport`
/// alone (what any client on async-http-client pays), then the whole `ECSClient` (validation, limiter
/// off, retries, error checks). Prints one JSON line: process CPU microseconds per request of each.
enum TransportFloor {
    static let parameters = ["RegionId": "cn-hangzhou", "ImageOwnerAlias": "self", "PageSize": "10"]
    static let concurrency = 16

    static func main(_ arguments: [String]) async throws {
        guard let endpoint = arguments.first, let url = URL(string: endpoint), let host = url.host,
              let count = Int(arguments.dropFirst().first ?? "3000"), count > 0
        else {
            FileHandle.standardError.write(Data("usage: ecsh-bench transport-floor URL [COUNT]\n".utf8))
            exit(2)
        }
        let transport = AsyncHTTPClientTransport()
        let authority = url.port.map { "\(host):\($0)" } ?? host
        let key = SigningKey(secret: EmulatorLoad.credentials.accessKeySecret, scheme: .v3)
        let send: @Sendable () async throws -> Void = {
            let unsigned = UnsignedRequest(host: authority, action: "DescribeImages", parameters: parameters)
            let signed = RequestSigner.sign(
                unsigned, credentials: EmulatorLoad.credentials, key: key, date: Date(), nonce: UniqueIdentifierSource.shared.next())
            let request = HTTPRequestData(
                method: signed.method, url: URL(string: "http://\(authority)/?\(signed.query)")!, headers: signed.headers)
            let response = try await transport.send(request, timeout: 30)
            guard response.status == 200 else { throw ECSClientError.transport("HTTP \(response.status)") }
        }
        let transportCPU = try await cpuPerRequest(count, executor: transport.preferredExecutor, send)
        await transport.shutdown()

        let client = ECSClient(configuration: ClientConfiguration(
            credentials: StaticCredentialsProvider(credentials: EmulatorLoad.credentials), endpoint: endpoint, rate: nil))
        let clientCPU = try await cpuPerRequest(count, executor: client.preferredExecutor) {
            _ = try await client.sendReturningBody(action: "DescribeImages", parameters: parameters)
        }
        await client.shutdown()
        print(String(format: "{\"transport_us\": %.1f, \"client_us\": %.1f}", transportCPU, clientCPU))
    }

    /// Process CPU microseconds per call of `send`, made `count` times by `concurrency` tasks on `executor`
    /// (after one warm-up call, which opens the connection).
    static func cpuPerRequest(
        _ count: Int, executor: (any TaskExecutor)?, _ send: @escaping @Sendable () async throws -> Void
    ) async throws -> Double {
        try await send()
        let before = processCPU()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask(executorPreference: executor) {
                    for _ in stride(from: worker, to: count, by: concurrency) { try await send() }
                }
            }
            try await group.waitForAll()
        }
        return (processCPU() - before) * 1e6 / Double(count)
    }

    /// User plus system CPU seconds of this process so far.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
