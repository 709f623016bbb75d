import Foundation
import Testing

@testable import ECSEmulator

/// Successful changes, DryRun and atomicity of ModifyImageAttribute.
@Suite struct ModifyImageAttributeTests {
    let harness = EmulatorHarness()

    @Test func allAttributesChangeInOneRequest() throws {
        let response = try harness.modify("batch-nightly-20240301", [
            "ImageName": "batch-renamed", "Description": "new description", "ImageFamily": "hangzhou-daily-update",
            "BootMode": "UEFI-Preferred", "LicenseType": "BYOL", "Features.ImdsSupport": "v2", "Features.NvmeSupport": "unsupported",
            "Status": "Deprecated",
        ])
        #expect(response.status == 200, "\(response.body)")
        #expect(Set(response.jsonObject?.keys.map { $0 } ?? []) == ["RequestId"])
        let image = try #require(try harness.image(named: "batch-renamed"))
        #expect(image.description == "new description")
        #expect(image.family == "hangzhou-daily-update")
        #expect(image.bootMode == "UEFI-Preferred")
        #expect(image.licenseType == "BYOL")
        #expect(image.imdsSupport == "v2")
        #expect(image.nvmeSupport == "unsupported")
        #expect(image.status == "Deprecated")
        #expect(try harness.modify("batch-renamed", ["Status": "Available"]).status == 200)
        #expect(try harness.image(named: "batch-renamed")?.status == "Available")
    }

    @Test func dryRunAnswersDryRunOperationAndChangesNothing() throws {
        let before = try harness.image(named: "web-prod-v1")
        let response = try harness.modify("web-prod-v1", ["ImageName": "dry-name", "DryRun": "true"])
        #expect(response.errorCode == "DryRunOperation")
        #expect(response.status == 400)
        #expect(try harness.image(named: "web-prod-v1") == before)
        let failing = try harness.modify("web-prod-v1", ["ImageName": "web-prod-v2", "DryRun": "True"])
        #expect(failing.errorCode == "InvalidImageName.Duplicated", "a dry run that would fail gives the real error")
        #expect(try harness.modify("web-prod-v1", ["ImageName": "wet-name", "DryRun": "False"]).status == 200)
    }

    @Test func aFailingRequestAppliesNoneOfItsChanges() throws {
        let before = try #require(try harness.image(named: "imds-v2-hardened"))
        let response = try harness.modify("imds-v2-hardened", [
            "ImageName": "would-be-renamed", "Description": "would change", "Features.ImdsSupport": "v1",
        ])
        #expect(response.errorCode == "InvalidOperation.FeaturesImdsSupportNotMatch")
        #expect(try harness.image(named: "imds-v2-hardened") == before)
        #expect(try harness.image(named: "would-be-renamed") == nil)
    }

    @Test func familyWithOneFreeSlotTakesExactlyOneMore() throws {
        #expect(try harness.modify("imds-v2-hardened", ["ImageFamily": "batch-nightly"]).status == 200)
        #expect(try harness.modify("windows-iis-golden", ["ImageFamily": "batch-nightly"]).errorCode == "ImageQuotaFull.ImageFamily")
    }

    @Test func quotasAreConfigurable() throws {
        let roomy = EmulatorHarness(options: EmulatorOptions(familyQuota: 10, regionFamilyQuota: 20))
        #expect(try roomy.modify("imds-v2-hardened", ["ImageFamily": "web-prod"]).status == 200)
        #expect(try roomy.modify("sh-unfamilied-tools", ["ImageFamily": "sh-brand-new"], region: "cn-shanghai").status == 200)
    }

    @Test func bootModeMayChangeOnAnUnusedImage() throws {
        #expect(try harness.modify("web-prod-v1", ["BootMode": "BIOS"]).status == 200)
        #expect(try harness.modify("arm-build-01", ["BootMode": "UEFI-Preferred"]).status == 200)
        #expect(try harness.modify("database-host", ["BootMode": "BIOS"]).status == 200, "unchanged boot mode is no change")
    }

    @Test func imdsMayGoFromV1ToV2() throws {
        #expect(try harness.modify("web-prod-v1", ["Features.ImdsSupport": "v2"]).status == 200)
        #expect(try harness.modify("web-prod-v1", ["Features.ImdsSupport": "v1"]).errorCode == "InvalidOperation.FeaturesImdsSupportNotMatch")
    }

    @Test func deprecatedImageCanBeRestored() throws {
        #expect(try harness.modify("legacy-centos6-base", ["Status": "Available"]).status == 200)
        #expect(try harness.image(named: "legacy-centos6-base")?.status == "Available")
    }

    /// A public image is shared with every account: it cannot be deprecated until it is made private again.
    @Test func aPublicImageIsSharedAndCannotBeDeprecated() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        let share = ["RegionId": "cn-hangzhou", "ImageId": imageId]
        #expect(harness.call("ModifyImageSharePermission", share.merging(["IsPublic": "true"]) { a, _ in a }).status == 200)
        let refused = try harness.modify("web-prod-v1", ["Status": "Deprecated"])
        #expect(refused.errorCode == "ImageUseShared")
        #expect(refused.status == 403)
        #expect(try harness.image(named: "web-prod-v1")?.status == "Available")
        #expect(harness.call("ModifyImageSharePermission", share.merging(["IsPublic": "false"]) { a, _ in a }).status == 200)
        #expect(try harness.modify("web-prod-v1", ["Status": "Deprecated"]).status == 200)
    }

    @Test func anotherAccountCannotTouchTheImage() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        let response = harness.call("ModifyImageAttribute", ["RegionId": "cn-hangzhou", "ImageId": imageId, "ImageName": "hijack"],
                                    key: "demo-other-access", secret: "demo-other-secret")
        #expect(response.errorCode == "InvalidImageId.NotFound")
    }
}
