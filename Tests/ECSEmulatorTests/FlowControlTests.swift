import Foundation
import Testing

@testable import ECSEmulator

/// Throttling per (account, action) with `x-acs-retry-after`, and the injected faults.
@Suite struct FlowControlTests {
    @Test func bucketStartsFullThenThrottlesWithRetryAfter() throws {
        let harness = EmulatorHarness(options: EmulatorOptions(rate: .init(tokens: 3, seconds: 6)))
        for _ in 0..<3 { #expect(harness.call("DescribeRegions").status == 200) }
        let throttled = harness.call("DescribeRegions")
        #expect(throttled.errorCode == "Throttling.User")
        #expect(throttled.status == 400)
        let wait = try #require(throttled.headers["x-acs-retry-after"].flatMap(Int.init))
        #expect(wait == 2000)
        #expect(harness.call("DescribeImages", ["RegionId": "cn-hangzhou"]).status == 200, "another action has its own bucket")
        #expect(harness.call("DescribeRegions", key: "demo-other-access", secret: "demo-other-secret").status == 200,
                "another account has its own bucket")
        harness.now = harness.now.addingTimeInterval(Double(wait) / 1000)
        #expect(harness.call("DescribeRegions").status == 200)
        #expect(harness.call("DescribeRegions").errorCode == "Throttling.User")
    }

    @Test func throttleRefillsContinuously() {
        var bucket = TokenBucketThrottle(tokens: 1000, seconds: 60)
        let start = Date(timeIntervalSince1970: 0)
        for _ in 0..<1000 { #expect(bucket.take(account: "a", action: "x", now: start) == nil) }
        #expect(bucket.take(account: "a", action: "x", now: start) == 60)
        #expect(bucket.take(account: "a", action: "x", now: start.addingTimeInterval(0.06)) == nil)
    }

    @Test func offMeansNoThrottling() {
        let harness = EmulatorHarness(options: EmulatorOptions(rate: nil))
        for _ in 0..<50 { #expect(harness.call("DescribeRegions").status == 200) }
    }

    final class Sequence: @unchecked Sendable {
        private var values: [Double]
        private let lock = NSLock()
        init(_ values: [Double]) { self.values = values }
        func next() -> Double { lock.withLock { values.isEmpty ? 0.99 : values.removeFirst() } }
    }

    @Test func faultsAreInjectedFromTheRandomSource() {
        // Each fault takes two draws: "does it fail?" then "which fault?".
        let source = Sequence([0.9, 0.1, 0.0, 0.1, 0.5, 0.1, 0.9])
        let plan = FaultPlan(rate: 0.5, random: { source.next() })
        let harness = EmulatorHarness(faults: plan)
        #expect(harness.call("DescribeRegions").status == 200)
        let unavailable = harness.call("DescribeRegions")
        #expect(unavailable.errorCode == "ServiceUnavailable")
        #expect(unavailable.status == 503)
        let internalError = harness.call("DescribeRegions")
        #expect(internalError.errorCode == "InternalError")
        #expect(internalError.status == 500)
        #expect(harness.call("DescribeRegions").dropsConnection)
    }

    @Test func faultsComeAfterAuthenticationAndBeforeSemantics() throws {
        let plan = FaultPlan(rate: 1, random: { 0 })
        let harness = EmulatorHarness(faults: plan)
        #expect(harness.call("DescribeRegions", secret: "bad").errorCode == "SignatureDoesNotMatch")
        let before = try harness.image(named: "web-prod-v1")
        #expect(try harness.modify("web-prod-v1", ["Description": "never applied"]).errorCode == "ServiceUnavailable")
        #expect(try harness.image(named: "web-prod-v1") == before)
    }
}
