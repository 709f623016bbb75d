import ECSValidation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ThroughputTests: XCTestCase {
    private let full: [String: String] = [
        "RegionId": "cn-hangzhou", "ImageId": "m-bp18ygjuqnwhechc1234", "ImageName": "testImageName-2024.v1:final_测试",
        "Description": "A fairly ordinary description of a custom image", "ImageFamily": "hangzhou-daily-update",
        "Status": "Available", "BootMode": "UEFI", "LicenseType": "BYOL", "Features.ImdsSupport": "v2",
        "Features.NvmeSupport": "supported", "DryRun": "false", "Action": "ModifyImageAttribute",
    ]

    /// A full ModifyImageAttribute validation is meant to run ≥ 1,000,000/s in release builds. Tests
    /// run unoptimized on shared machines, so this guards only against gross regressions (e.g. a regex
    /// or Foundation creeping into the hot path), with a floor far below the release figure.
    func testFullModifyImageAttributeValidationIsFast() {
        let iterations = 100_000
        var failures = 0
        let start = clock()
        for _ in 0..<iterations {
            if RequestValidator.validate(action: "ModifyImageAttribute", parameters: full) != nil { failures += 1 }
        }
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        XCTAssertEqual(failures, 0)
        let rate = Double(iterations) / max(seconds, 1e-9)
        print("ModifyImageAttribute validations per CPU second (this build): \(Int(rate))")
        XCTAssertGreaterThan(rate, 50_000)
    }
}
