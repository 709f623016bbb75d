import ECSCore
import ECSEmulator
import Foundation
import XCTest

private final class Lines: @unchecked Sendable {
    let lock = NSLock()
    var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
}

final class TmpCoreInteropScratch: XCTestCase {
    func testScratchInterop() async throws {
        let server = try EmulatorServer(options: EmulatorOptions(rate: .init(tokens: 3, seconds: 1)))
        let url = try await server.start()
        let lines = Lines()
        for scheme in [SignatureScheme.v3, .v1] {
            let config = ClientConfiguration(
                credentials: StaticCredentialsProvider(accessKeyId: "demo-full-access", accessKeySecret: "demo-full-secret"),
                endpoint: url.absoluteString, signature: scheme, rate: nil,
                debugSink: { line in lines.add(line) })
            let client = ECSClient(configuration: config)
            do {
                let page = try await client.describeImages(.init(pageSize: 3))
                print("SCRATCH", scheme, "total", page.totalCount ?? -1, page.images.map { "\($0.imageId ?? "") \($0.status ?? "") size=\($0.size ?? -1)" })
                var all = 0
                for try await _ in client.images(.init(status: "ALL", pageSize: 2)) { all += 1 }
                print("SCRATCH all images", all)
                do { _ = try await client.deleteImage(.init(imageId: "m-doesnotexist")) } catch { print("SCRATCH err", error) }
                let regions = try await client.describeRegions()
                print("SCRATCH regions", regions.regions.map(\.regionId))
                let results = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<8 { group.addTask { (try await client.describeRegions()).requestId ?? "" } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                print("SCRATCH burst ok", results.count)
            } catch {
                print("SCRATCH FAILED", scheme, error)
            }
            await client.shutdown()
        }
        print("SCRATCH", lines.items.filter { $0.contains("Throttling") || $0.contains("retry") || $0.contains("code=") }.prefix(8).joined(separator: "\nSCRATCH "))
        await server.stop()
    }
}
