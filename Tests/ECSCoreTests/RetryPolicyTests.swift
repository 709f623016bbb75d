import Foundation
import XCTest

@testable import ECSCore

final class RetryPolicyTests: XCTestCase {
    private let throttled = ECSServiceError(code: "Throttling.User", message: "m", httpStatus: 400)

    func testDefaults() {
        let policy = RetryPolicy()
        XCTAssertEqual(policy.maxAttempts, 4)
        XCTAssertEqual(policy.baseDelay, 0.2)
        XCTAssertEqual(policy.maxDelay, 20)
    }

    func testCeilingGrowsExponentiallyAndIsCapped() {
        let policy = RetryPolicy()
        XCTAssertEqual((1...9).map { policy.backoffCeiling(retry: $0) }, [0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 20, 20])
        XCTAssertEqual(policy.backoffCeiling(retry: 500), 20)
    }

    func testFullJitterDrawsFromZeroToCeiling() {
        let ranges = LockedBox<[ClosedRange<Double>]>([])
        let policy = RetryPolicy(random: { range in
            ranges.withValue { $0.append(range) }
            return range.lowerBound + (range.upperBound - range.lowerBound) / 2
        })
        XCTAssertEqual(policy.backoff(retry: 3), 0.4, accuracy: 1e-12)
        XCTAssertEqual(ranges.current, [0...0.8])
        let low = RetryPolicy(random: { $0.lowerBound })
        XCTAssertEqual(low.backoff(retry: 5), 0)
        // A faulty random source cannot push the wait past the ceiling.
        let wild = RetryPolicy(random: { _ in 1e9 })
        XCTAssertEqual(wild.backoff(retry: 2), 0.4)
    }

    func testDelayGivesUpOnNonRetryableAndAfterLastAttempt() {
        let policy = RetryPolicy(random: { $0.upperBound })
        let badName = ECSServiceError(code: "InvalidImageName.Malformed", message: "m", httpStatus: 400)
        XCTAssertNil(policy.delay(afterAttempt: 1, error: badName))
        XCTAssertNil(policy.delay(afterAttempt: 1, error: ECSClientError.decoding("x")))
        XCTAssertEqual(policy.delay(afterAttempt: 1, error: throttled), 0.2)
        XCTAssertEqual(policy.delay(afterAttempt: 3, error: ECSClientError.timeout), 0.8)
        XCTAssertNil(policy.delay(afterAttempt: 4, error: throttled))
        XCTAssertNil(RetryPolicy.never.delay(afterAttempt: 1, error: throttled))
    }

    func testRetryAfterHeaderIsTheLeastWaitPlusJitter() {
        var error = throttled
        error.retryAfterMilliseconds = 1500
        let noJitter = RetryPolicy(maxDelay: 5, random: { $0.lowerBound })
        XCTAssertEqual(noJitter.delay(afterAttempt: 1, error: error), 1.5)
        let fullJitter = RetryPolicy(maxDelay: 5, random: { $0.upperBound })
        XCTAssertEqual(fullJitter.delay(afterAttempt: 2, error: error)!, 1.9, accuracy: 1e-9)
        // Beyond the backoff cap the server's wait is kept whole, jitter on top: retrying after 5 s of a
        // 30 s wait would be refused again.
        error.retryAfterMilliseconds = 30_000
        XCTAssertEqual(fullJitter.delay(afterAttempt: 1, error: error)!, 30.2, accuracy: 1e-9)
        // Up to a minute; a server asking for more gets its error back at once, not a call that hangs.
        error.retryAfterMilliseconds = 60_000
        XCTAssertEqual(noJitter.delay(afterAttempt: 1, error: error), 60)
        error.retryAfterMilliseconds = 60_001
        XCTAssertNil(fullJitter.delay(afterAttempt: 1, error: error))
        error.retryAfterMilliseconds = 86_400_000
        XCTAssertNil(fullJitter.delay(afterAttempt: 1, error: error))
    }

    // MARK: through the client

    func testServiceUnavailableIsRetriedThenSucceeds() async throws {
        let harness = ClientHarness(
            FakeTransport([.respond(.ecsError(503, code: "ServiceUnavailable")), .respond(.json(200, ["RequestId": "OK"]))]))
        let result = try await harness.client.call(action: "DescribeRegions", parameters: [:])
        XCTAssertEqual(result["RequestId"], "OK")
        XCTAssertEqual(harness.transport.count, 2)
        XCTAssertEqual(harness.sleeps.durations.current, [0.2])
    }

    func testThrottlingIsRetriedAndBackoffGrowsUntilAttemptsRunOut() async {
        let harness = ClientHarness(FakeTransport(fallback: { _ in .ecsError(400, code: "Throttling.User") }))
        do {
            _ = try await harness.client.call(action: "ModifyImageAttribute", parameters: ["ImageId": "m-1"])
            XCTFail("expected throttling")
        } catch let error as ECSServiceError {
            XCTAssertEqual(error.code, "Throttling.User")
            XCTAssertEqual(error.action, "ModifyImageAttribute")
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertEqual(harness.transport.count, 4)
        XCTAssertEqual(harness.sleeps.durations.current, [0.2, 0.4, 0.8])
    }

    func testRetryAfterHeaderIsHonoured() async throws {
        let harness = ClientHarness(
            FakeTransport([
                .respond(.ecsError(400, code: "Throttling.User", headers: [("x-acs-retry-after", "750")])),
                .respond(.json(200, ["RequestId": "OK"])),
            ]))
        _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
        // 750 ms from the server, plus this harness's full jitter ceiling for a first retry (0.2 s).
        XCTAssertEqual(harness.sleeps.durations.current.count, 1)
        XCTAssertEqual(harness.sleeps.durations.current[0], 0.95, accuracy: 1e-9)
    }

    func testClientErrorsAreNotRetried() async {
        for status in [400, 403, 404] {
            let harness = ClientHarness(FakeTransport(fallback: { _ in .ecsError(status, code: "InvalidImageId.NotFound") }))
            do {
                _ = try await harness.client.call(action: "DeleteImage", parameters: ["ImageId": "m-x"])
                XCTFail("expected an error")
            } catch let error as ECSServiceError {
                XCTAssertEqual(error.httpStatus, status)
                XCTAssertFalse(error.retryable)
            } catch {
                XCTFail("\(error)")
            }
            XCTAssertEqual(harness.transport.count, 1)
            XCTAssertEqual(harness.sleeps.durations.current, [])
        }
    }

    func testTimeoutsAndTransportFailuresAreRetried() async throws {
        let harness = ClientHarness(
            FakeTransport([.fail(.timeout), .fail(.transport("connection reset")), .respond(.json(200, ["RequestId": "OK"]))]))
        let result = try await harness.client.call(action: "DescribeImages", parameters: [:])
        XCTAssertEqual(result["RequestId"], "OK")
        XCTAssertEqual(harness.transport.count, 3)
        XCTAssertEqual(harness.sleeps.durations.current, [0.2, 0.4])
    }

    func testUndecodableSuccessIsNotRetried() async {
        let harness = ClientHarness(FakeTransport(fallback: { _ in HTTPResponseData(status: 200, body: Data("<html>".utf8)) }))
        do {
            _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
            XCTFail("expected a decoding error")
        } catch let error as ECSClientError {
            guard case .decoding = error else { return XCTFail("\(error)") }
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertEqual(harness.transport.count, 1)
    }

    func testEveryAttemptIsSignedAfreshWithNewNonceAndDate() async throws {
        let harness = ClientHarness(
            FakeTransport([.respond(.ecsError(500, code: "InternalError")), .respond(.ecsError(503, code: "ServiceUnavailable"))]))
        _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
        let requests = harness.transport.requests.current
        XCTAssertEqual(requests.count, 3)
        let nonces = Set(requests.compactMap { $0.header("x-acs-signature-nonce") })
        let dates = Set(requests.compactMap { $0.header("x-acs-date") })
        let signatures = Set(requests.compactMap { $0.header("Authorization") })
        XCTAssertEqual(nonces.count, 3)
        XCTAssertEqual(dates.count, 3)
        XCTAssertEqual(signatures.count, 3)
    }

    func testCancellationDuringBackoffStopsTheCall() async {
        let transport = FakeTransport(fallback: { _ in .ecsError(503, code: "ServiceUnavailable") })
        var configuration = ClientConfiguration(credentials: Markers.credentials, endpoint: "https://ecs.test.example")
        configuration.rate = nil
        configuration.retry = RetryPolicy(baseDelay: 30, maxDelay: 30)
        let client = ECSClient(configuration: configuration, transport: transport)
        let task = Task { try await client.call(action: "DescribeImages", parameters: [:]) }
        while transport.count == 0 { await Task.yield() }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertEqual(error as? ECSClientError, .cancelled)
        }
        XCTAssertEqual(transport.count, 1)
    }
}
