import Foundation
import XCTest

@testable import ECSCore

/// A value guarded by a lock, for test doubles shared with the client's tasks.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withValue<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withValue { $0 } }
}

/// Marker credentials: any appearance of these strings in output is a leak.
enum Markers {
    static let accessKeyId = "AKIDTESTMARKER"
    static let secret = "SECRETMARKER9f3b2c7d"
    static let token = "TOKENMARKER71aa04e6"

    static let credentials = StaticCredentialsProvider(accessKeyId: accessKeyId, accessKeySecret: secret)
    static let stsCredentials = StaticCredentialsProvider(
        accessKeyId: accessKeyId, accessKeySecret: secret, securityToken: token)

    /// Fails the test if `text` contains the secret or the token.
    static func assertNoSecrets(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.contains(secret), "secret leaked: \(text)", file: file, line: line)
        XCTAssertFalse(text.contains(token), "token leaked: \(text)", file: file, line: line)
    }
}

/// An in-process transport: answers from a script and records every request.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(HTTPResponseData)
        case fail(ECSClientError)
    }

    private let steps: LockedBox<[Step]>
    private let fallback: (@Sendable (HTTPRequestData) -> HTTPResponseData)?
    let requests = LockedBox<[HTTPRequestData]>([])
    let shutdowns = LockedBox(0)

    /// Answers with `steps` in order; after they run out, with `fallback` (or a 200 `{}`).
    init(_ steps: [Step] = [], fallback: (@Sendable (HTTPRequestData) -> HTTPResponseData)? = nil) {
        self.steps = LockedBox(steps)
        self.fallback = fallback
    }

    func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData {
        requests.withValue { $0.append(request) }
        let step = steps.withValue { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .respond(let response)?: return response
        case .fail(let error)?: throw error
        case nil: return fallback?(request) ?? .json(200, ["RequestId": "fallback"])
        }
    }

    func shutdown() async { shutdowns.withValue { $0 += 1 } }

    var count: Int { requests.current.count }

    /// The decoded query parameters of request `index`.
    func query(_ index: Int) -> [String: String] {
        WireQuery.parse(requests.current[index].url.query ?? "")
    }
}

extension HTTPResponseData {
    /// A JSON response.
    static func json(_ status: Int, _ body: JSONValue, headers: [(name: String, value: String)] = []) -> HTTPResponseData {
        HTTPResponseData(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(body.jsonText.utf8))
    }

    /// An ECS error answer.
    static func ecsError(
        _ status: Int, code: String, message: String = "msg", requestId: String = "REQ-1",
        headers: [(name: String, value: String)] = []
    ) -> HTTPResponseData {
        json(
            status,
            [
                "RequestId": .string(requestId), "HostId": "ecs.aliyuncs.com", "Code": .string(code),
                "Message": .string(message),
                "Recommend": .string("https://api.aliyun.com/troubleshoot?q=\(code)&product=Ecs&requestId=\(requestId)"),
            ], headers: headers)
    }
}

/// Records retry sleeps instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    let durations = LockedBox<[TimeInterval]>([])

    var sleeper: RetryPolicy.Sleeper {
        { [durations] seconds in durations.withValue { $0.append(seconds) } }
    }
}

/// A limiter clock that never waits: `sleep` records the duration and advances time.
final class ManualLimiterClock: LimiterClock, @unchecked Sendable {
    let time = LockedBox<Double>(1000)
    let sleeps = LockedBox<[Double]>([])

    func now() -> Double { time.current }

    func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        sleeps.withValue { $0.append(seconds) }
    }

    func advance(_ seconds: Double) { time.withValue { $0 += seconds } }
}

/// Builds clients for tests: fake transport, no rate limit, recorded retry sleeps, upper-bound jitter.
struct ClientHarness {
    let transport: FakeTransport
    let sleeps = SleepRecorder()
    let debugLines = LockedBox<[String]>([])
    let dryRunTexts = LockedBox<[String]>([])
    let warnings = LockedBox<[String]>([])
    let client: ECSClient

    init(
        _ transport: FakeTransport = FakeTransport(),
        credentials: any CredentialsProvider = Markers.credentials,
        limiter: TokenBucketLimiter? = nil,
        configure: (inout ClientConfiguration) -> Void = { _ in }
    ) {
        self.transport = transport
        var configuration = ClientConfiguration(credentials: credentials, endpoint: "https://ecs.test.example")
        configuration.rate = nil
        configuration.retry = RetryPolicy(random: { $0.upperBound }, sleeper: sleeps.sleeper)
        configuration.debugSink = { [debugLines] line in debugLines.withValue { $0.append(line) } }
        configuration.dryRunSink = { [dryRunTexts] text in dryRunTexts.withValue { $0.append(text) } }
        configuration.warnSink = { [warnings] text in warnings.withValue { $0.append(text) } }
        configure(&configuration)
        let counter = LockedBox(0)
        client = ECSClient(
            configuration: configuration, transport: transport, limiter: limiter,
            now: {
                let tick = counter.withValue { value -> Int in
                    value += 1
                    return value
                }
                return Date(timeIntervalSince1970: 1_700_000_000 + Double(tick))
            },
            nonce: { UUID().uuidString })
    }
}
