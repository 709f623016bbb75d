import Foundation
import XCTest

@testable import ECSCore

final class RateLimitTests: XCTestCase {
    func testParse() throws {
        XCTAssertEqual(try RateLimit.parse("1000/60"), RateLimit(tokens: 1000, seconds: 60))
        XCTAssertEqual(try RateLimit.parse(" 5/0.5 "), RateLimit(tokens: 5, seconds: 0.5))
        XCTAssertNil(try RateLimit.parse("off"))
        XCTAssertNil(try RateLimit.parse("OFF"))
        // The bounds keep every wait and every description within Int64 (1/1e20 trapped in description).
        XCTAssertEqual(try RateLimit.parse("1000000000/86400")?.description, "1000000000/86400")
        XCTAssertEqual(try RateLimit.parse("1/0.001")?.description, "1/0.001")
        for bad in ["", "10", "0/60", "-1/5", "10/0", "10/-1", "a/b", "10/60/2", "10/inf", "1.5/60", "1/1e20",
                    "1/9223372036854775807", "1/86400.5", "1/0.0005", "1000000001/60", "1/nan"] {
            XCTAssertThrowsError(try RateLimit.parse(bad), bad) { error in
                XCTAssertEqual(error as? RateLimitParseError, RateLimitParseError(text: bad))
            }
        }
        XCTAssertEqual(RateLimit.ecsDefault.description, "1000/60")
        XCTAssertEqual(RateLimit(tokens: 5, seconds: 0.5).description, "5/0.5")
        XCTAssertEqual(RateLimit(tokens: 1000, seconds: 60).refillPerSecond, 1000.0 / 60, accuracy: 1e-12)
    }

    func testBucketStartsFullRefillsContinuouslyAndCaps() {
        var bucket = TokenBucket(rate: RateLimit(tokens: 3, seconds: 3), now: 0)
        XCTAssertEqual(bucket.available(now: 0), 3)
        XCTAssertEqual(bucket.reserve(now: 0), 0)
        XCTAssertEqual(bucket.reserve(now: 0), 0)
        XCTAssertEqual(bucket.reserve(now: 0), 0)
        XCTAssertEqual(bucket.available(now: 0), 0)
        XCTAssertEqual(bucket.reserve(now: 0), 1, accuracy: 1e-9)
        XCTAssertEqual(bucket.reserve(now: 0), 2, accuracy: 1e-9)
        // Half a second later half a token has come back; the queue is still 1.5 tokens behind.
        XCTAssertEqual(bucket.reserve(now: 0.5), 2.5, accuracy: 1e-9)
        XCTAssertEqual(bucket.available(now: 100), 3)
    }

    func testLimiterWaitsWhenEmptyAndRefills() async throws {
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 2, seconds: 1), clock: clock)
        let first = try await limiter.acquire(accessKeyId: "AK", action: "ModifyImageAttribute")
        let second = try await limiter.acquire(accessKeyId: "AK", action: "ModifyImageAttribute")
        let third = try await limiter.acquire(accessKeyId: "AK", action: "ModifyImageAttribute")
        XCTAssertEqual([first, second], [0, 0])
        XCTAssertEqual(third, 0.5, accuracy: 1e-9)
        XCTAssertEqual(clock.sleeps.current.count, 1)
        clock.advance(10)
        let available = await limiter.availableTokens(accessKeyId: "AK", action: "ModifyImageAttribute")
        XCTAssertEqual(available, 2)
    }

    func testBucketsAreKeyedByAccessKeyAndAction() async throws {
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 1, seconds: 10), clock: clock)
        let a = try await limiter.acquire(accessKeyId: "AK1", action: "ModifyImageAttribute")
        let b = try await limiter.acquire(accessKeyId: "AK1", action: "DescribeImages")
        let c = try await limiter.acquire(accessKeyId: "AK2", action: "ModifyImageAttribute")
        let d = try await limiter.acquire(accessKeyId: "AK1", action: "ModifyImageAttribute")
        XCTAssertEqual([a, b, c], [0, 0, 0])
        XCTAssertEqual(d, 10, accuracy: 1e-9)
    }

    func testConcurrentCallersShareOneBucketAndGetSuccessiveSlots() async throws {
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 3, seconds: 3), clock: clock)
        let waits = try await withThrowingTaskGroup(of: TimeInterval.self) { group in
            for _ in 0..<7 {
                group.addTask { try await limiter.acquire(accessKeyId: "AK", action: "ModifyImageAttribute") }
            }
            return try await group.reduce(into: [TimeInterval]()) { $0.append($1) }
        }
        XCTAssertEqual(waits.sorted().map { ($0 * 1000).rounded() / 1000 }, [0, 0, 0, 1, 2, 3, 4])
    }

    func testJobOfMRequestsNeedsTheDocumentedMinimumTime() async throws {
        // M > N requests need at least (M − N)·S/N seconds; the limiter waits exactly that in total.
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 4, seconds: 2), clock: clock)
        var last: TimeInterval = 0
        for _ in 0..<10 { last = try await limiter.acquire(accessKeyId: "AK", action: "X") }
        XCTAssertEqual(last, Double(10 - 4) * 2 / 4, accuracy: 1e-9)
    }

    func testCancelledWaiterGivesItsTokenBack() async throws {
        let clock = CancellingClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 1, seconds: 1), clock: clock)
        _ = try await limiter.acquire(accessKeyId: "AK", action: "X")
        do {
            _ = try await limiter.acquire(accessKeyId: "AK", action: "X")
            XCTFail("expected cancellation")
        } catch {
            XCTAssertEqual(error as? ECSClientError, .cancelled)
        }
        // Had the token not been returned, the queue would be two tokens behind (a 2 s wait).
        clock.fails = false
        let wait = try await limiter.acquire(accessKeyId: "AK", action: "X")
        XCTAssertEqual(wait, 1, accuracy: 1e-9)
    }

    func testRealClockWaitsWithoutBlocking() async throws {
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 1, seconds: 0.2))
        let start = ContinuousClock.now
        try await limiter.acquire(accessKeyId: "AK", action: "X")
        try await limiter.acquire(accessKeyId: "AK", action: "X")
        let elapsed = ContinuousClock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(150))
        XCTAssertLessThan(elapsed, .seconds(5))
    }

    func testClientPacesEveryAttemptThroughTheLimiter() async throws {
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 2, seconds: 1), clock: clock)
        let harness = ClientHarness(limiter: limiter)
        for _ in 0..<3 {
            _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
        }
        XCTAssertEqual(clock.sleeps.current, [0.5])
        let left = await limiter.availableTokens(accessKeyId: Markers.accessKeyId, action: "DescribeImages")
        XCTAssertEqual(left, 0)
    }

    func testRefillDelayKeepsNTokensAndTheRateButStartsTheRefillLater() async throws {
        let clock = ManualLimiterClock()
        let limiter = TokenBucketLimiter(rate: RateLimit(tokens: 3, seconds: 3), refillDelay: 0.25, clock: clock)
        var waits: [TimeInterval] = []
        for _ in 0..<5 { waits.append(try await limiter.acquire(accessKeyId: "AK", action: "X")) }
        XCTAssertEqual(waits, [0, 0, 0, 1.25, 2.25], "N tokens at once, then one per S/N after the delay")
        var bucket = TokenBucket(capacity: 2, refillPerSecond: 1, now: 10, refillDelay: 0.5)
        XCTAssertEqual(bucket.reserve(now: 10), 0)
        XCTAssertEqual(bucket.reserve(now: 10), 0)
        XCTAssertEqual(bucket.reserve(now: 10.2), 1.3, accuracy: 1e-9, "0.3 s until the refill starts, then 1 s")
        XCTAssertEqual(bucket.available(now: 10.4), 0)
        XCTAssertEqual(bucket.reserve(now: 12.5), 0, accuracy: 1e-9, "refilled from 10.5 on: 2 tokens, one owed")
        XCTAssertEqual(bucket.available(now: 13.5), 1)
    }

    func testClientBuildsItsLimiterFromTheConfiguredRate() async {
        var configuration = ClientConfiguration(credentials: Markers.credentials)
        XCTAssertEqual(configuration.rate, .ecsDefault)
        let limiter = ECSClient(configuration: configuration, transport: FakeTransport()).limiter
        XCTAssertEqual(limiter?.rate, .ecsDefault)
        XCTAssertEqual(limiter?.refillDelay, ECSClient.rateRefillDelay)
        let available = await limiter?.availableTokens(accessKeyId: "AK", action: "X")
        XCTAssertEqual(available, 1000, "the bucket holds N tokens and starts full")
        configuration.rate = nil
        XCTAssertNil(ECSClient(configuration: configuration, transport: FakeTransport()).limiter)
    }
}

/// A clock whose sleep fails as if the waiting task were cancelled, until told otherwise.
private final class CancellingClock: LimiterClock, @unchecked Sendable {
    private let state = LockedBox(true)
    var fails: Bool {
        get { state.current }
        set { state.withValue { $0 = newValue } }
    }

    func now() -> Double { 0 }

    func sleep(seconds: Double) async throws {
        if fails { throw CancellationError() }
    }
}
