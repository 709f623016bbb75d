import Foundation
import Testing

@testable import ECSEmulator

/// DescribeImageFromFamily, the share permissions, DeleteImage and DescribeRegions.
@Suite struct OtherActionTests {
    let harness = EmulatorHarness()

    @Test func fromFamilyGivesTheNewestAvailableImage() throws {
        let response = harness.call("DescribeImageFromFamily", ["RegionId": "cn-hangzhou", "ImageFamily": "hangzhou-daily-update"])
        let body = try #require(response.jsonObject)
        #expect(Set(body.keys) == ["RequestId", "Image"])
        #expect((body["Image"] as? [String: Any])?["ImageName"] as? String == "hangzhou-daily-2024-07-01")
        let system = harness.call("DescribeImageFromFamily", ["RegionId": "cn-hangzhou", "ImageFamily": "acs:alibaba_cloud_linux_3_2104_lts_x64"])
        #expect((system.jsonObject?["Image"] as? [String: Any])?["ImageId"] as? String == "aliyun_3_x64_20G_alibase_20240819.vhd")
        let none = harness.call("DescribeImageFromFamily", ["RegionId": "cn-hangzhou", "ImageFamily": "no-such-family"])
        #expect(none.status == 200)
        #expect((none.jsonObject?["Image"] as? [String: Any])?.isEmpty == true)
    }

    @Test func sharePermissionsAreDescribedAndModifiedTogether() throws {
        let imageId = try harness.id(of: "shared-base-image")
        let described = harness.call("DescribeImageSharePermission", ["RegionId": "cn-hangzhou", "ImageId": imageId])
        let body = try #require(described.jsonObject)
        #expect(Set(body.keys) == ["RequestId", "ImageId", "RegionId", "TotalCount", "PageNumber", "PageSize", "ShareGroups", "Accounts"])
        #expect(body["TotalCount"] as? Int == 2)
        let accounts = try #require((body["Accounts"] as? [String: Any])?["Account"] as? [[String: Any]])
        #expect(Set(accounts.compactMap { $0["AliyunId"] as? String }) == [DemoData.otherAccount, DemoData.partnerAccount])
        #expect(((body["ShareGroups"] as? [String: Any])?["ShareGroup"] as? [Any])?.isEmpty == true)

        let modified = harness.call("ModifyImageSharePermission", [
            "RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.1": "5555666677778888", "RemoveAccount.1": DemoData.otherAccount,
        ])
        #expect(modified.status == 200, "\(modified.body)")
        let after = try #require(try harness.image(named: "shared-base-image"))
        #expect(Set(after.sharedWith.keys) == ["5555666677778888", DemoData.partnerAccount])
        let otherView = harness.call("DescribeImages", ["RegionId": "cn-hangzhou", "ImageOwnerAlias": "others"],
                                     key: "demo-other-access", secret: "demo-other-secret")
        #expect(EmulatorHarness.images(otherView).isEmpty, "the removed account no longer sees it")
    }

    @Test func sharingMakesAnImageVisibleToTheOtherAccount() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        #expect(harness.call("ModifyImageSharePermission", [
            "RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.1": DemoData.otherAccount,
        ]).status == 200)
        let view = harness.call("DescribeImages", ["RegionId": "cn-hangzhou", "ImageId": imageId],
                                key: "demo-other-access", secret: "demo-other-secret")
        #expect(EmulatorHarness.images(view).first?["ImageOwnerAlias"] as? String == "others")
        #expect(try harness.modify("web-prod-v1", ["Status": "Deprecated"]).errorCode == "ImageUseShared")
    }

    @Test func shareListIsLimitedToTenAccounts() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        let response = harness.call("ModifyImageSharePermission", [
            "RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.11": "5555666677778888",
        ])
        #expect(response.status == 400)
        #expect(response.errorCode == "InvalidParameter", "\(response.body)")
        #expect(try harness.image(named: "web-prod-v1")?.sharedWith.isEmpty == true)
    }

    @Test func deleteRefusesImagesInUseUnlessForced() throws {
        let imageId = try harness.id(of: "database-host")
        let refused = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": imageId])
        #expect(refused.errorCode == "ImageUsingByInstance")
        #expect(refused.status == 403)
        #expect(try harness.image(named: "database-host") != nil)
        let dry = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": imageId, "Force": "True", "DryRun": "true"])
        #expect(dry.errorCode == "DryRunOperation")
        #expect(try harness.image(named: "database-host") != nil)
        #expect(harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": imageId, "Force": "true"]).status == 200)
        #expect(try harness.image(named: "database-host") == nil)
        // The API reference: "if the specified custom image does not exist, the request is ignored", so a delete
        // retried after its answer was lost succeeds (it answered InvalidImageId.NotFound).
        let again = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": imageId])
        #expect(again.status == 200, "\(again.body)")
        #expect(harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": "m-bp1nosuchimage00001"]).status == 200)
        let otherAccounts = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": try harness.id(of: "other-private-build")])
        #expect(otherAccounts.errorCode == "InvalidImageId.NotFound", "an image that exists, of another account, is still not found")
    }

    @Test func publicImagesCannotBeDeleted() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        #expect(harness.call("ModifyImageSharePermission", ["RegionId": "cn-hangzhou", "ImageId": imageId, "IsPublic": "true"]).status == 200)
        let refused = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": imageId, "Force": "true"])
        #expect(refused.errorCode == "ImageUseShared", "\(refused.body)")
        #expect(try harness.image(named: "web-prod-v1") != nil)
    }

    /// At most 50 accounts per image ("up to 50 Alibaba Cloud accounts"), and never the owner's own.
    @Test func sharingStopsAtFiftyAccountsAndRefusesTheOwnersOwn() throws {
        let imageId = try harness.id(of: "web-prod-v1")
        for batch in 0..<5 {
            var parameters = ["RegionId": "cn-hangzhou", "ImageId": imageId]
            for n in 1...10 { parameters["AddAccount.\(n)"] = String(5_000_000_000_000_000 + batch * 10 + n) }
            #expect(harness.call("ModifyImageSharePermission", parameters).status == 200)
        }
        #expect(try harness.image(named: "web-prod-v1")?.sharedWith.count == 50)
        let over = harness.call("ModifyImageSharePermission", ["RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.1": "5999999999999999"])
        #expect(over.errorCode == "QuotaExceed.ShareImageUser", "\(over.body)")
        #expect(over.status == 403)
        let swap = harness.call("ModifyImageSharePermission", [
            "RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.1": "5999999999999999", "RemoveAccount.1": "5000000000000001",
        ])
        #expect(swap.status == 200, "one in, one out stays at 50: \(swap.body)")
        let own = harness.call("ModifyImageSharePermission", ["RegionId": "cn-hangzhou", "ImageId": imageId, "AddAccount.1": DemoData.mainAccount])
        #expect(own.errorCode == "InvalidAccount.Forbbiden", "\(own.body)")
        #expect(try harness.image(named: "web-prod-v1")?.sharedWith.count == 50)
    }

    @Test func deleteRefusesSharedAndCreatingImages() throws {
        let shared = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": try harness.id(of: "shared-base-image"), "Force": "true"])
        #expect(shared.errorCode == "ImageUseShared")
        let creating = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": try harness.id(of: "app-server-creating")])
        #expect(creating.errorCode == "InvalidStatus.ImageIsCreating")
        let system = harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": "centos_7_9_x64_20G_alibase_20240628.vhd"])
        #expect(system.errorCode == "InvalidImageId.NotFound")
    }

    @Test func regionsListRealIdsWithEndpoints() throws {
        let response = harness.call("DescribeRegions")
        let body = try #require(response.jsonObject)
        #expect(Set(body.keys) == ["RequestId", "Regions"])
        let regions = try #require((body["Regions"] as? [String: Any])?["Region"] as? [[String: Any]])
        let hangzhou = try #require(regions.first { $0["RegionId"] as? String == "cn-hangzhou" })
        #expect(hangzhou["RegionEndpoint"] as? String == "ecs.cn-hangzhou.aliyuncs.com")
        #expect(hangzhou["LocalName"] as? String == "华东1（杭州）")
        #expect(hangzhou["Status"] as? String == "available")
        let english = harness.call("DescribeRegions", ["AcceptLanguage": "en-US"])
        let names = ((english.jsonObject?["Regions"] as? [String: Any])?["Region"] as? [[String: Any]])?.compactMap { $0["LocalName"] as? String }
        #expect(names?.contains("China (Hangzhou)") == true)
    }
}
