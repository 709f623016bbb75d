import AsyncHTTPClient
import ECSCore
import Foundation
import NIOCore
import NIOHTTP1

/// Sends signed ECS calls (fresh nonce and time each) to one emulator and times them.
struct LoadDriver: Sendable {
    let client: HTTPClient
    let origin: String
    let authority: String

    /// Signs and sends one call; returns the status and body.
    func call(_ action: String, _ parameters: [String: String]) async throws -> (Int, ByteBuffer) {
        let unsigned = UnsignedRequest(host: authority, action: action, parameters: parameters)
        let signed = RequestSigner.sign(
            unsigned, credentials: EmulatorLoad.credentials, scheme: .v3, date: Date(), nonce: UniqueIdentifierSource.shared.next())
        var request = HTTPClientRequest(url: origin + signed.path + (signed.query.isEmpty ? "" : "?" + signed.query))
        request.method = HTTPMethod(rawValue: signed.method)
        for header in signed.headers { request.headers.add(name: header.name, value: header.value) }
        if !signed.body.isEmpty { request.body = .bytes(ByteBuffer(string: signed.body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return (Int(response.status.code), body)
    }

    /// The ids of the caller's Available images in cn-hangzhou, the targets of ModifyImageAttribute.
    func ownImageIds() async throws -> [String] {
        let (status, body) = try await call(
            "DescribeImages", ["RegionId": "cn-hangzhou", "ImageOwnerAlias": "self", "Status": "Available", "PageSize": "100"])
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        let images = ((json?["Images"] as? [String: Any])?["Image"] as? [[String: Any]]) ?? []
        let ids = images.compactMap { $0["ImageId"] as? String }
        guard status == 200, !ids.isEmpty else {
            throw ECSClientError.transport("DescribeImages answered \(status): \(String(buffer: body).prefix(300))")
        }
        return ids
    }

    /// Runs `connections` workers for `seconds`; worker w's i-th call is `make(w, i)`.
    func run(seconds: Double, connections: Int, make: @escaping @Sendable (Int, Int) -> (String, [String: String])) async -> EmulatorLoad.Tally {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        return await withTaskGroup(of: EmulatorLoad.Tally.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var tally = EmulatorLoad.Tally()
                    var index = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let (action, parameters) = make(worker, index)
                        index += 1
                        let start = DispatchTime.now().uptimeNanoseconds
                        do {
                            let (status, body) = try await call(action, parameters)
                            if status == 200 {
                                tally.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                            } else {
                                tally.failures += 1
                                tally.firstFailure = tally.firstFailure ?? "HTTP \(status) \(String(buffer: body).prefix(200))"
                            }
                        } catch {
                            tally.failures += 1
                            tally.firstFailure = tally.firstFailure ?? "\(error)"
                        }
                    }
                    return tally
                }
            }
            var total = EmulatorLoad.Tally()
            for await tally in group { total.merge(tally) }
            return total
        }
    }
}
