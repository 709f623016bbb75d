import ECSCore
import ECSEmulator
import Foundation

/// `ecsh-bench handler`: the emulator's own work per request, without sockets or HTTP: signed
/// DescribeImages (PageSize=10) and ModifyImageAttribute calls straight into `EmulatorHandler`
/// over the in-memory demo store, one thread. The HTTP figure (`emulator`) adds the server around it.
enum HandlerLoad {
    static func run() {
        let handler = EmulatorHandler(
            store: InMemoryImageStore(images: DemoData.images()), options: EmulatorOptions(rate: nil))
        let host = "127.0.0.1:8080"
        var nonce = 0
        func request(_ action: String, _ parameters: [String: String]) -> EmulatorRequest {
            nonce += 1
            let signed = RequestSigner.sign(
                UnsignedRequest(host: host, action: action, parameters: parameters),
                credentials: EmulatorLoad.credentials, scheme: .v3, date: Date(), nonce: "bench-\(nonce)")
            var headers: [String: String] = [:]
            for header in signed.headers { headers[header.name.lowercased()] = header.value }
            return EmulatorRequest(method: signed.method, path: signed.path, query: signed.query, headers: headers, body: signed.body)
        }
        let own = handler.handle(
            request("DescribeImages", ["RegionId": "cn-hangzhou", "ImageOwnerAlias": "self", "Status": "Available", "PageSize": "100"]),
            now: Date())
        let ids = ((own.jsonObject?["Images"] as? [String: Any])?["Image"] as? [[String: Any]])?.compactMap { $0["ImageId"] as? String } ?? []
        guard !ids.isEmpty else {
            print("handler: the demo store has no image of ours (\(own.status) \(own.body.prefix(200)))")
            return
        }
        let phases: [(String, (Int) -> (String, [String: String]))] = [
            ("DescribeImages PageSize=10", { _ in ("DescribeImages", ["RegionId": "cn-hangzhou", "PageSize": "10"]) }),
            ("ModifyImageAttribute", { i in
                ("ModifyImageAttribute", ["RegionId": "cn-hangzhou", "ImageId": ids[i % ids.count], "Description": "bench \(i % 2)"])
            }),
        ]
        for (name, make) in phases {
            let n = 20_000
            // Requests are signed beforehand: the figure is the handler's, not the signer's.
            let requests = (0..<n).map { i -> EmulatorRequest in
                let (action, parameters) = make(i)
                return request(action, parameters)
            }
            var failures = 0
            let elapsed = seconds {
                for r in requests where handler.handle(r, now: Date()).status != 200 { failures += 1 }
            }
            print(String(
                format: "emulator handler %@: %.1f us/request, %.0f requests/s on one thread, in process (%d failed)",
                name, elapsed / Double(n) * 1e6, Double(n) / elapsed, failures))
        }
    }
}
