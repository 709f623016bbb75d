// libFuzzer target: the emulator's request handling, EmulatorHandler.handle, without sockets.
//
// The first line of the input picks the mode:
//   `raw` — the request exactly as given: line 2 the method, line 3 the query string, line 4 the
//           body, then `name: value` header lines. This exercises parsing and signature checks;
//           the clock and the extra key `testid`/`testsecret` are those of the official SDK
//           vectors (/work/shared/vectors/signatures.json), so their wire forms verify.
//   `v3 ACTION` / `v1 ACTION` (optionally `... KEY`) — the `name=value` lines that follow are
//           signed by ECSCore's RequestSigner with a demo key at a fixed time, so they get past
//           authentication into validation and the actions, over a fresh in-memory demo store.
//           A value `@N` stands for the id of demo image N (mod the count) of the request's
//           RegionId (or of all regions), which a fuzzer could never guess.
//   `v3form ACTION` — as `v3`, but the parameters travel as a form body instead of the query.
// Properties: no crash, no hang, every answer well formed (status 200 or an error body with a
// Code and the RequestId), and the same status and code from a second fresh handler.

import Foundation

let signedNow = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
let vectorNow = Date(timeIntervalSince1970: 1_704_164_645)  // 2024-01-02T03:04:05Z, the vectors' clock
let demoImages = DemoData.images()
let fuzzKeys = DemoData.accessKeys + [AccessKey(id: "testid", secret: "testsecret", accountId: DemoData.mainAccount)]
let demoSecrets = Dictionary(uniqueKeysWithValues: fuzzKeys.map { ($0.id, $0.secret) })
let fuzzOptions = EmulatorOptions(rate: nil)
/// `ECSH_FUZZ_PRINT=1 .build/fuzz/emulator FILE...` prints each answer, to check what seeds reach.
let printAnswers = ProcessInfo.processInfo.environment["ECSH_FUZZ_PRINT"] == "1"

func freshHandler() -> EmulatorHandler {
    EmulatorHandler(store: InMemoryImageStore(images: demoImages), options: fuzzOptions, keys: fuzzKeys)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmulator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let lines = FuzzInput.lines(UnsafeBufferPointer(start: data, count: size))
    guard let (request, now) = makeRequest(lines) else { return 0 }
    let first = freshHandler().handle(request, now: now)
    check(first)
    if printAnswers { print(first.status, first.errorCode ?? "", first.body.prefix(160)) }
    let second = freshHandler().handle(request, now: now)
    guard first.status == second.status, first.errorCode == second.errorCode else {
        fuzzFail("two fresh handlers disagree: \(first.status) \(first.errorCode ?? "-") vs \(second.status) \(second.errorCode ?? "-")")
    }
    return 0
}

func makeRequest(_ lines: [Substring]) -> (EmulatorRequest, Date)? {
    guard let head = lines.first else { return nil }
    let words = head.split(separator: " ", omittingEmptySubsequences: true)
    let mode = words.first.map(String.init) ?? ""
    if mode == "raw" {
        func line(_ i: Int) -> String { i < lines.count ? String(lines[i]) : "" }
        var headers: [String: String] = [:]
        for header in lines.dropFirst(4) {
            let colon = header.firstIndex(of: ":") ?? header.endIndex
            let value = colon < header.endIndex ? header[header.index(after: colon)...] : ""
            headers[String(header[..<colon])] = value.trimmingCharacters(in: .whitespaces)
        }
        return (EmulatorRequest(method: line(1), query: line(2), headers: headers, body: line(3)), vectorNow)
    }
    let scheme: SignatureScheme
    switch mode {
    case "v3", "v3form": scheme = .v3
    case "v1": scheme = .v1
    default: return nil
    }
    let action = words.count > 1 ? String(words[1]) : ""
    let key = words.count > 2 ? String(words[2]) : "demo-full-access"
    var parameters = FuzzInput.dictionary(FuzzInput.pairs(lines.dropFirst()))
    let inRegion = demoImages.filter { $0.regionId == parameters["RegionId"] }
    let candidates = inRegion.isEmpty ? demoImages : inRegion
    parameters = parameters.mapValues { value in
        guard value.first == "@", let n = Int(value.dropFirst()), n >= 0 else { return value }
        return candidates[n % candidates.count].imageId
    }
    let body = mode == "v3form" ? WireQuery.make(parameters) : ""
    let unsigned = UnsignedRequest(
        host: "ecs.cn-hangzhou.aliyuncs.com", action: action, parameters: mode == "v3form" ? [:] : parameters, body: body)
    let credentials = Credentials(accessKeyId: key, accessKeySecret: Secret(demoSecrets[key] ?? "wrong-secret"))
    let signed = RequestSigner.sign(unsigned, credentials: credentials, scheme: scheme, date: signedNow, nonce: "fuzz-nonce-1")
    var headers: [String: String] = [:]
    for header in signed.headers { headers[header.name] = header.value }
    if mode == "v3form" { headers["content-type"] = "application/x-www-form-urlencoded" }
    return (EmulatorRequest(method: signed.method, path: signed.path, query: signed.query, headers: headers, body: signed.body), signedNow)
}

func check(_ response: EmulatorResponse) {
    guard let object = response.jsonObject else { fuzzFail("answer is not a JSON object: \(response.status) \(response.body)") }
    guard object["RequestId"] is String else { fuzzFail("answer without RequestId: \(response.body)") }
    if response.status != 200 {
        guard (400...599).contains(response.status), let code = response.errorCode, !code.isEmpty,
            object["Message"] is String
        else { fuzzFail("malformed error answer: \(response.status) \(response.body)") }
    }
}
