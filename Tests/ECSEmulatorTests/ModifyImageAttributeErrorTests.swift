import Foundation
import Testing

@testable import ECSEmulator

/// Every error code of the ModifyImageAttribute table is reachable, with its documented status.
@Suite struct ModifyImageAttributeErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        let code: String
        let status: Int
        let image: String?
        let region: String
        let parameters: [String: String]
        var description: String { code }

        init(_ code: String, _ status: Int, _ image: String?, _ parameters: [String: String], region: String = "cn-hangzhou") {
            self.code = code
            self.status = status
            self.image = image
            self.region = region
            self.parameters = parameters
        }
    }

    static let cases: [Case] = [
        Case("InvalidImageName.Malformed", 400, "web-prod-v1", ["ImageName": "1-starts-with-digit"]),
        Case("MissingParameter", 400, nil, ["ImageName": "whatever"]),
        Case("InvalidImageName.Duplicated", 400, "web-prod-v1", ["ImageName": "web-prod-v2"]),
        Case("InvalidDescription.Malformed", 400, "web-prod-v1", ["Description": "http://example.com"]),
        Case("ImageQuotaFull.ImageFamily", 400, "imds-v2-hardened", ["ImageFamily": "web-prod"]),
        Case("InvalidImageFamily.Malformed", 400, "web-prod-v1", ["ImageFamily": "-bad-family"]),
        Case("ImageFamilyQuotaFull", 400, "sh-unfamilied-tools", ["ImageFamily": "sh-brand-new"], region: "cn-shanghai"),
        Case("InvalidBootMode.NotSupport", 400, "web-prod-v1", ["BootMode": "Legacy"]),
        Case("InvalidBootMode.NotSupport", 400, "arm-build-01", ["BootMode": "BIOS"]),
        Case("InvalidLicenseType.NotSupported", 400, "web-prod-v1", ["LicenseType": "PAYG"]),
        Case("InvalidParameter.FeaturesImdsSupport", 400, "web-prod-v1", ["Features.ImdsSupport": "v3"]),
        Case("ImageStatus.NotAvailable", 403, "legacy-centos6-base", ["Status": "Deprecated"]),
        Case("ImageStatus.NotAvailable", 403, "broken-import-2024", ["Status": "Deprecated"]),
        Case("ImageStatus.NotDeprecated", 403, "web-prod-v1", ["Status": "Available"]),
        Case("ImageUseShared", 403, "shared-base-image", ["Status": "Deprecated"]),
        Case("OperationDeined.ImageUsingByInstance", 403, "database-host", ["BootMode": "UEFI"]),
        Case("InvalidOperation.FeaturesImdsSupportNotMatch", 403, "imds-v2-hardened", ["Features.ImdsSupport": "v1"]),
        Case("InvalidStatus.ImageIsCreating", 403, "app-server-creating", ["ImageName": "renamed-while-creating"]),
        Case("InvalidImageId.NotFound", 404, "other-private-build", ["ImageName": "stolen"]),
        Case("InvalidImageId.NotFound", 404, "bj-analytics", ["ImageName": "wrong-region"]),
        // The global codes for values outside a parameter's set, and for a region id that is not one.
        Case("InvalidParameter", 400, "web-prod-v1", ["Status": "Bogus"]),
        Case("InvalidParameter", 400, "web-prod-v1", ["Features.NvmeSupport": "maybe"]),
        Case("InvalidParameter", 400, "web-prod-v1", ["DryRun": "yes"]),
        Case("InvalidRegionId.MalFormed", 400, "web-prod-v1", ["ImageName": "renamed"], region: "CN_Hangzhou"),
        Case("InvalidRegionId.NotFound", 404, "web-prod-v1", ["ImageName": "renamed"], region: "xx-nowhere-9"),
    ]

    @Test(arguments: cases)
    func codeIsReachable(_ testCase: Case) throws {
        let harness = EmulatorHarness()
        var parameters = testCase.parameters
        parameters["RegionId"] = testCase.region
        if let name = testCase.image {
            // The image is looked up where it lives; the request may name another (or no real) region.
            let region = name == "bj-analytics" ? "cn-beijing" : testCase.region.hasPrefix("cn-") ? testCase.region : "cn-hangzhou"
            parameters["ImageId"] = try harness.id(of: name, region: region)
        }
        let before = try harness.store.allImages()
        let response = harness.call("ModifyImageAttribute", parameters)
        #expect(response.errorCode == testCase.code, "\(response.body)")
        #expect(response.status == testCase.status)
        #expect(try harness.store.allImages().sorted { $0.storeKey < $1.storeKey } == before.sorted { $0.storeKey < $1.storeKey })
    }

    @Test func everyDocumentedCodeIsCovered() {
        let documented: Set<String> = [
            "InvalidImageName.Malformed", "MissingParameter", "InvalidImageName.Duplicated", "InvalidDescription.Malformed",
            "ImageQuotaFull.ImageFamily", "InvalidImageFamily.Malformed", "ImageFamilyQuotaFull", "InvalidBootMode.NotSupport",
            "InvalidLicenseType.NotSupported", "InvalidParameter.FeaturesImdsSupport", "ImageStatus.NotAvailable",
            "ImageStatus.NotDeprecated", "ImageUseShared", "OperationDeined.ImageUsingByInstance",
            "InvalidOperation.FeaturesImdsSupportNotMatch", "InvalidStatus.ImageIsCreating", "InvalidImageId.NotFound",
        ]
        let global: Set<String> = ["InvalidParameter", "InvalidRegionId.MalFormed", "InvalidRegionId.NotFound"]
        #expect(Set(Self.cases.map(\.code)) == documented.union(global))
    }

    @Test func systemImagesAreNeverModifiable() {
        let harness = EmulatorHarness()
        let response = harness.call("ModifyImageAttribute", [
            "RegionId": "cn-hangzhou", "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "ImageName": "mine-now",
        ])
        #expect(response.errorCode == "InvalidImageId.NotFound")
        #expect(response.status == 404)
    }

    @Test func messagesAreTheDocumentedEnglishTexts() throws {
        let harness = EmulatorHarness()
        let response = try harness.modify("web-prod-v1", ["ImageName": "web-prod-v2"])
        #expect(response.jsonObject?["Message"] as? String == "The specified Image name has already bean used.")
        let missing = harness.call("ModifyImageAttribute", ["ImageId": "m-bp1xxxxxxxxxxxxxxxxx"])
        #expect(missing.errorCode == "MissingParameter")
        #expect((missing.jsonObject?["Message"] as? String)?.contains("\"RegionId\"") == true)
    }

    @Test func unknownRegionIsNotFound() {
        let harness = EmulatorHarness()
        let response = harness.call("ModifyImageAttribute", ["RegionId": "cn-atlantis", "ImageId": "m-bp1abc"])
        #expect(response.errorCode == "InvalidRegionId.NotFound")
        #expect(response.status == 404)
    }
}
