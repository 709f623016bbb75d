import ECSValidation
import XCTest

final class ModifyImageAttributeTests: XCTestCase {
    private let action = "ModifyImageAttribute"
    private let base = ["RegionId": "cn-hangzhou", "ImageId": "m-bp18ygjuqnwhechc****"]

    private func with(_ extra: [String: String]) -> [String: String] {
        base.merging(extra) { _, new in new }
    }

    func testMinimalAndFullRequestsPass() {
        assertRequest(action, base)
        assertRequest(
            action,
            with([
                "ImageName": "testImageName", "Description": "testDescription", "ImageFamily": "hangzhou-daily-update",
                "Status": "Deprecated", "BootMode": "UEFI-Preferred", "LicenseType": "BYOL",
                "Features.ImdsSupport": "v2", "Features.NvmeSupport": "unsupported", "DryRun": "True",
                "OwnerId": "1234567890123456", "ResourceOwnerId": "0",
            ]))
        XCTAssertNil(RequestValidator.validateModifyImageAttribute(base))
    }

    func testMissingRequiredParameters() {
        assertRequest(action, ["ImageId": "m-1"], fails: "MissingParameter", on: "RegionId")
        assertRequest(action, ["RegionId": "cn-hangzhou"], fails: "MissingParameter", on: "ImageId")
        assertRequest(action, [:], fails: "MissingParameter", on: "RegionId")
        assertRequest(action, ["ImageName": "1bad"], fails: "MissingParameter", on: "RegionId")
        XCTAssertEqual(
            RequestValidator.validate(action: action, parameters: ["RegionId": "cn-hangzhou"])?.message,
            "The input parameter \"ImageId\" that is mandatory for processing this request is not supplied.")
        XCTAssertEqual(
            RequestValidator.validate(action: action, parameters: [:])?.message,
            ErrorCatalog.message(for: "MissingParameter"))
    }

    func testEmptyStringsArePresentButInvalid() {
        assertRequest(action, ["RegionId": "", "ImageId": "m-1"], fails: "InvalidRegionId.MalFormed", on: "RegionId")
        assertRequest(action, ["RegionId": "cn-hangzhou", "ImageId": ""], fails: "InvalidImageId.Malformed", on: "ImageId")
        let empties: [(String, String)] = [
            ("ImageName", "InvalidImageName.Malformed"), ("Description", "InvalidDescription.Malformed"),
            ("ImageFamily", "InvalidImageFamily.Malformed"), ("Status", "InvalidParameter"),
            ("BootMode", "InvalidBootMode.NotSupport"), ("LicenseType", "InvalidLicenseType.NotSupported"),
            ("Features.ImdsSupport", "InvalidParameter.FeaturesImdsSupport"),
            ("Features.NvmeSupport", "InvalidParameter"), ("DryRun", "InvalidParameter"),
            ("OwnerId", "InvalidParameter"), ("ResourceOwnerId", "InvalidParameter"),
        ]
        for (name, code) in empties {
            assertRequest(action, with([name: ""]), fails: code, on: name)
        }
    }

    func testEachAttributeReachesItsCode() {
        let cases: [(String, String, String, Int)] = [
            ("ImageName", "aliyun-x", "InvalidImageName.Malformed", 400),
            ("Description", "https://x", "InvalidDescription.Malformed", 400),
            ("ImageFamily", "ACS:family", "InvalidImageFamily.Malformed", 400),
            ("Status", "Creating", "InvalidParameter", 400),
            ("BootMode", "Legacy", "InvalidBootMode.NotSupport", 400),
            ("LicenseType", "Auto", "InvalidLicenseType.NotSupported", 400),
            ("Features.ImdsSupport", "v3", "InvalidParameter.FeaturesImdsSupport", 400),
            ("Features.NvmeSupport", "maybe", "InvalidParameter", 400),
            ("DryRun", "yes", "InvalidParameter", 400),
            ("OwnerId", "-1", "InvalidParameter", 400),
            ("ResourceOwnerId", "abc", "InvalidParameter", 400),
        ]
        for (name, value, code, status) in cases {
            let error = RequestValidator.validate(action: action, parameters: with([name: value]))
            XCTAssertEqual(error?.code, code, name)
            XCTAssertEqual(error?.parameter, name, name)
            XCTAssertEqual(error?.httpStatus, status, name)
            XCTAssertTrue(error?.message.contains("\"\(value)\"") ?? false, error?.message ?? name)
        }
    }

    func testFirstErrorFollowsTableOrderNotDictionaryOrder() {
        let bad = [
            "ImageName": "1x", "Description": "x", "ImageFamily": "1x", "Status": "x", "BootMode": "x",
            "LicenseType": "x", "Features.ImdsSupport": "x", "Features.NvmeSupport": "x", "DryRun": "x",
        ]
        let order = [
            "ImageName", "Description", "ImageFamily", "Status", "BootMode", "LicenseType",
            "Features.ImdsSupport", "Features.NvmeSupport", "DryRun",
        ]
        var remaining = with(bad)
        for name in order {
            // Rebuild the dictionary in a different insertion order and capacity each round.
            var shuffled = [String: String](minimumCapacity: 64)
            for key in remaining.keys.sorted(by: >) { shuffled[key] = remaining[key] }
            XCTAssertEqual(RequestValidator.validate(action: action, parameters: remaining)?.parameter, name)
            XCTAssertEqual(RequestValidator.validate(action: action, parameters: shuffled)?.parameter, name)
            remaining[name] = nil
        }
        XCTAssertNil(RequestValidator.validate(action: action, parameters: remaining))
        // Required parameters come before every attribute.
        assertRequest(action, ["RegionId": "cn-hangzhou", "ImageName": "1x"], fails: "MissingParameter", on: "ImageId")
        assertRequest(action, ["RegionId": "CN", "ImageId": ""], fails: "InvalidRegionId.MalFormed", on: "RegionId")
    }

    func testUnknownParametersAreIgnored() {
        assertRequest(
            action,
            with([
                "image_id": "whatever", "Foo": "", "Action": "ModifyImageAttribute", "Version": "2014-05-26",
                "Signature": "abc", "Features": "{}", "Features.Other": "x", "Tag.1.Key": "", "imagename": "1",
            ]))
    }

    func testUnknownActionsAreNotValidated() {
        XCTAssertNil(RequestValidator.validate(action: "DescribeInstances", parameters: ["ImageName": "1"]))
        XCTAssertNil(RequestValidator.validate(action: "modifyimageattribute", parameters: [:]))
        XCTAssertNil(RequestValidator.validate(action: "", parameters: [:]))
        XCTAssertEqual(RequestValidator.actions.count, 7)
        for known in RequestValidator.actions where known != "DescribeRegions" {
            XCTAssertEqual(RequestValidator.validate(action: known, parameters: [:])?.code, "MissingParameter", known)
        }
        XCTAssertNil(RequestValidator.validate(action: "DescribeRegions", parameters: [:]))
    }
}
