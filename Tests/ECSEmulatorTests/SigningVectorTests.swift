import Foundation
import Testing

@testable import ECSEmulator

/// The wire requests the official Python SDKs produced (`signatures.json`, recorded by
/// `gen_vectors.py`) pass the emulator's verification unchanged: `+` spaces, form bodies,
/// legacy `%20` queries, STS headers.
@Suite struct SigningVectorTests {
    struct Wire: Decodable {
        let method: String
        let path_and_query: String
        let headers: [String: String]
        let body: String
    }

    struct Vector: Decodable {
        let id: String
        let wire: Wire?
    }

    struct File: Decodable {
        let fixed_inputs: [String: String]
        let vectors: [Vector]
    }

    static func load() throws -> File {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ECSCoreTests/Resources/signatures.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    @Test func everyRecordedWireRequestVerifies() throws {
        let file = try Self.load()
        let stamp = try #require(file.fixed_inputs["timestamp"])
        let now = try #require(WireTime.parse(stamp))
        let wires = file.vectors.compactMap { vector in vector.wire.map { (vector.id, $0) } }
        #expect(wires.count >= 6)
        for (id, wire) in wires {
            let keys = DemoData.accessKeys + [AccessKey(id: "testid", secret: "testsecret", accountId: DemoData.mainAccount)]
            let handler = EmulatorHandler(store: InMemoryImageStore(images: DemoData.images()), keys: keys)
            let parts = wire.path_and_query.split(separator: "?", maxSplits: 1).map(String.init)
            let request = EmulatorRequest(
                method: wire.method, path: parts[0], query: parts.count > 1 ? parts[1] : "", headers: wire.headers, body: wire.body)
            let response = handler.handle(request, now: now)
            let authCodes: Set<String> = ["SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound",
                                          "InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "MissingParameter"]
            #expect(!authCodes.contains(response.errorCode ?? ""), "\(id): \(response.body)")
            if id.contains("describe-images") { #expect(response.status == 200, "\(id): \(response.body)") }
        }
    }
}
