import Crypto
import ECSCore
import ECSValidation
import Foundation
import LuaBridge

// Micro-benchmarks for scripts/bench: each prints a measured figure and its reference from the same run.

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Bridge cost: a trivial Swift host function against the C function string.len, 1,000,000 calls each.
func bridge() throws {
    let state = try LuaState()
    state.setGlobal("swift_noop") { call in call.push(0); return .values(1) }
    func run(_ function: String) throws -> Double {
        try seconds {
            try state.run("local f = \(function); for i = 1, 1000000 do f('x') end", name: "=bench")
        }
    }
    _ = try run("string.len")
    let c = try run("string.len")
    let swift = try run("swift_noop")
    print(String(format: "bridge: 1e6 calls: Swift host function %.3f s, C string.len %.3f s, ratio %.2fx (goal <= 5x)", swift, c, swift / c))
}

/// Signing throughput for both schemes on the ModifyImageAttribute of the vectors, with the rate of the
/// swift-crypto calls alone on the same messages: the ceiling any signer built on swift-crypto can reach.
func signing() {
    let credentials = Credentials(accessKeyId: "testid", accessKeySecret: Secret("testsecret"))
    let request = UnsignedRequest(host: "ecs-cn-hangzhou.aliyuncs.com", action: "ModifyImageAttribute", parameters: [
        "RegionId": "cn-hangzhou", "ImageId": "m-bp18ygjuqnwhechc1234", "ImageName": "web-prod-v6",
        "Description": "golden image 2024-06", "Features.ImdsSupport": "v2", "DryRun": "false",
    ])
    let date = Date(timeIntervalSince1970: 1_704_164_645)
    // ECSH_BENCH_SCHEME=v3 (or v1) times one scheme only, e.g. under `perf record`.
    let only = ProcessInfo.processInfo.environment["ECSH_BENCH_SCHEME"]
    for scheme in [SignatureScheme.v3, .v1] where only == nil || only == scheme.rawValue {
        let n = 100_000
        var sink = 0
        // As the client signs: the secret's HMAC key prepared once (SigningKeyCache), a fresh nonce each time.
        let key = SigningKey(secret: credentials.accessKeySecret, scheme: scheme)
        let t = seconds {
            for i in 0..<n {
                let signed = RequestSigner.sign(request, credentials: credentials, key: key, date: date, nonce: "nonce-\(i)")
                sink &+= signed.query.utf8.count
            }
        }
        let rate = Double(n) / t
        let floor = cryptoCallsPerSecond(scheme, request: request, credentials: credentials, date: date)
        // The Python SDK's figure for the same scheme, measured by scripts/bench just before.
        let reference = ProcessInfo.processInfo.environment["PYTHON_SDK_\(scheme.rawValue.uppercased())"].flatMap(Double.init)
        let ratio = reference.map {
            String(format: ", Python SDK %.0f/s, ratio %.1fx (goal >= 20x); swift-crypto calls alone %.0f/s = ceiling %.1fx",
                   $0, rate / $0, floor, floor / $0)
        } ?? String(format: "; swift-crypto calls alone %.0f/s", floor)
        print(String(format: "signing %@: %.0f signatures/s%@ (checksum %d)", scheme.rawValue, rate, ratio, sink % 10))
    }
}

/// Rate of the hashing and MAC calls one signature needs, on messages as long as the signer's (built with
/// the step functions): V3 hashes the canonical request and MACs the string to sign; v1 MACs its string to sign.
func cryptoCallsPerSecond(_ scheme: SignatureScheme, request: UnsignedRequest, credentials: Credentials, date: Date) -> Double {
    let signed = RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: "nonce-99999")
    let n = 200_000
    var sink: UInt8 = 0
    switch scheme {
    case .v3:
        var headers: [String: String] = [:]
        for (name, value) in signed.headers where name != "Authorization" { headers[name] = value }
        let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(headers)
        let canonicalRequest = Array(ACS3Signer.canonicalRequest(
            method: "POST", path: "/", canonicalQuery: CanonicalQuery.make(request.parameters),
            canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders, hashedPayload: ACS3Signer.hashedPayload("")).utf8)
        let stringToSign = Array(ACS3Signer.stringToSign(canonicalRequest: String(decoding: canonicalRequest, as: UTF8.self)).utf8)
        let keyed = HMAC<SHA256>(key: SymmetricKey(data: Array("testsecret".utf8)))
        let t = seconds {
            for _ in 0..<n {
                var hasher = SHA256()
                canonicalRequest.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                sink &+= hasher.finalize().withUnsafeBytes { $0[0] }
                var mac = keyed
                stringToSign.withUnsafeBytes { mac.update(data: $0) }
                sink &+= mac.finalize().withUnsafeBytes { $0[0] }
            }
        }
        return Double(n) / t + Double(sink & 0)
    case .v1:
        var signedParameters = WireQuery.parse(signed.query)
        signedParameters["Signature"] = nil
        let stringToSign = Array(RPCV1Signer.stringToSign(method: "POST", canonicalQuery: CanonicalQuery.make(signedParameters)).utf8)
        let keyed = HMAC<Insecure.SHA1>(key: SymmetricKey(data: Array("testsecret&".utf8)))
        let t = seconds {
            for _ in 0..<n {
                var mac = keyed
                stringToSign.withUnsafeBytes { mac.update(data: $0) }
                sink &+= mac.finalize().withUnsafeBytes { $0[0] }
            }
        }
        return Double(n) / t + Double(sink & 0)
    }
}

/// Validation throughput of a full ModifyImageAttribute request.
func validation() {
    let parameters = [
        "RegionId": "cn-hangzhou", "ImageId": "m-bp18ygjuqnwhechc1234", "ImageName": "web-prod-v6",
        "Description": "golden image 2024-06", "ImageFamily": "web-prod", "BootMode": "UEFI", "LicenseType": "BYOL",
        "Features.ImdsSupport": "v2", "Features.NvmeSupport": "supported", "Status": "Available", "DryRun": "false",
    ]
    let n = 1_000_000
    var failures = 0
    let t = seconds {
        for _ in 0..<n where RequestValidator.validate(action: "ModifyImageAttribute", parameters: parameters) != nil { failures += 1 }
    }
    print(String(format: "validation: %.0f full ModifyImageAttribute validations/s (goal >= 1,000,000; %d rejected)", Double(n) / t, failures))
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "bridge" || which == "all" { try bridge() }
if which == "signing" || which == "all" { signing() }
if which == "validation" || which == "all" { validation() }
if which == "handler" || which == "all" { HandlerLoad.run() }
if which == "emulator" { try await EmulatorLoad.main(Array(CommandLine.arguments.dropFirst(2))) }
if which == "transport-floor" { try await TransportFloor.main(Array(CommandLine.arguments.dropFirst(2))) }
