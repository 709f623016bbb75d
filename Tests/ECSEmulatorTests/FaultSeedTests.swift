import Foundation
import Testing

@testable import ECSEmulator

/// `--fault-seed`: the same seed fails the same requests with the same faults; another seed does not.
@Suite struct FaultSeedTests {
    /// The outcome of each of `count` DescribeRegions calls: the error code, `drop`, or `ok`.
    func outcomes(seed: UInt64?, count: Int = 60) -> [String] {
        let harness = EmulatorHarness(options: EmulatorOptions(faultRate: 0.3, faultSeed: seed, rate: nil))
        return (0..<count).map { _ in
            let response = harness.call("DescribeRegions")
            if response.dropsConnection { return "drop" }
            return response.errorCode ?? (response.status == 200 ? "ok" : "status \(response.status)")
        }
    }

    @Test func twoHandlersWithTheSameSeedFailTheSameRequests() {
        let first = outcomes(seed: 42)
        #expect(first == outcomes(seed: 42))
        #expect(Set(first) == ["ok", "ServiceUnavailable", "InternalError", "drop"], "\(first)")
        let failures = first.filter { $0 != "ok" }.count
        #expect((8...30).contains(failures), "about 30% of 60 fail: \(failures)")
        #expect(outcomes(seed: 43) != first)
    }

    @Test func theSeedReachesThePlanThroughTheOptions() {
        let options = EmulatorOptions(faultRate: 0.5, faultSeed: 7)
        let plans = (0..<2).map { _ in EmulatorHandler(store: InMemoryImageStore(), options: options).faults }
        let draws = plans.map { plan in (0..<40).map { _ in plan.draw()?.rawValue ?? "none" } }
        #expect(draws[0] == draws[1])
        #expect(draws[0].contains("none") && draws[0].contains { $0 != "none" })
    }

    @Test func theGeneratorIsStableAcrossRuns() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect((0..<1000).map { _ in generator.unit() }.allSatisfy { (0..<1).contains($0) })
    }
}
