import ECSCore
import Foundation
import Testing

@testable import ECSEmulator

/// A handler over a fresh copy of the demo data, with a fixed clock and helpers to sign requests.
final class EmulatorHarness: @unchecked Sendable {
    static let host = "ecs.cn-hangzhou.aliyuncs.com"
    let store: any ImageStore
    let handler: EmulatorHandler
    var now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    init(options: EmulatorOptions = EmulatorOptions(), store: (any ImageStore)? = nil, faults: FaultPlan? = nil) {
        let store = store ?? InMemoryImageStore(images: DemoData.images())
        self.store = store
        handler = EmulatorHandler(store: store, options: options, faults: faults)
    }

    /// Signs a request the way `ECSCore`'s client does and converts it to the emulator's form.
    static func signed(
        _ action: String, _ parameters: [String: String], key: String = "demo-full-access", secret: String = "demo-full-secret",
        scheme: SignatureScheme = .v3, date: Date, nonce: String = UUID().uuidString, body: String = "", host: String = host
    ) -> SignedRequest {
        let request = UnsignedRequest(host: host, action: action, parameters: parameters, body: body)
        let credentials = Credentials(accessKeyId: key, accessKeySecret: Secret(secret))
        return RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: nonce)
    }

    static func emulatorRequest(_ signed: SignedRequest) -> EmulatorRequest {
        var headers: [String: String] = [:]
        for header in signed.headers { headers[header.name] = header.value }
        return EmulatorRequest(method: signed.method, path: signed.path, query: signed.query, headers: headers, body: signed.body)
    }

    /// Signs and handles one call at the harness clock.
    @discardableResult
    func call(
        _ action: String, _ parameters: [String: String] = [:], key: String = "demo-full-access",
        secret: String = "demo-full-secret", scheme: SignatureScheme = .v3, nonce: String = UUID().uuidString
    ) -> EmulatorResponse {
        let signed = EmulatorHarness.signed(action, parameters, key: key, secret: secret, scheme: scheme, date: now, nonce: nonce)
        return handler.handle(EmulatorHarness.emulatorRequest(signed), now: now)
    }

    /// ModifyImageAttribute in cn-hangzhou on the demo image with this name.
    func modify(_ name: String, _ parameters: [String: String], region: String = "cn-hangzhou") throws -> EmulatorResponse {
        var all = parameters
        all["RegionId"] = region
        all["ImageId"] = try id(of: name, region: region)
        return call("ModifyImageAttribute", all)
    }

    /// The id of the (unique) image with this name in a region.
    func id(of name: String, region: String = "cn-hangzhou") throws -> String {
        try #require(try image(named: name, region: region)).imageId
    }

    func image(named name: String, region: String = "cn-hangzhou") throws -> ImageRecord? {
        try store.allImages().first { $0.name == name && $0.regionId == region }
    }

    /// The images of a DescribeImages response.
    static func images(_ response: EmulatorResponse) -> [[String: Any]] {
        ((response.jsonObject?["Images"] as? [String: Any])?["Image"] as? [[String: Any]]) ?? []
    }
}
