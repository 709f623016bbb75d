import Foundation
import Testing

@testable import ECSEmulator

/// DescribeImages filters, paging, ordering, visibility and response shape.
@Suite struct DescribeImagesTests {
    let harness = EmulatorHarness()

    func describe(_ parameters: [String: String], key: String = "demo-full-access", secret: String = "demo-full-secret") -> EmulatorResponse {
        var all = parameters
        if all["RegionId"] == nil { all["RegionId"] = "cn-hangzhou" }
        return harness.call("DescribeImages", all, key: key, secret: secret)
    }

    func names(_ parameters: [String: String]) -> [String] {
        EmulatorHarness.images(describe(parameters.merging(["PageSize": "100"]) { first, _ in first })).compactMap { $0["ImageName"] as? String }
    }

    @Test func responseHasExactlyTheDocumentedShape() throws {
        let response = describe(["ImageName": "web-prod-v5"])
        let body = try #require(response.jsonObject)
        #expect(Set(body.keys) == ["RequestId", "RegionId", "TotalCount", "PageNumber", "PageSize", "Images"])
        #expect(body["PageNumber"] as? Int == 1)
        #expect(body["PageSize"] as? Int == 10)
        let image = try #require(EmulatorHarness.images(response).first)
        for field in ["ImageId", "ImageName", "ImageFamily", "ImageOwnerAlias", "ImageOwnerId", "Status", "CreationTime",
                      "Architecture", "BootMode", "OSType", "Usage", "IsPublic", "IsSelfShared", "Size", "Progress"] {
            #expect(image[field] != nil, "\(field)")
        }
        let features = try #require(image["Features"] as? [String: Any])
        #expect(features["ImdsSupport"] as? String == "v1")
        #expect(features["NvmeSupport"] as? String == "supported")
        let mappings = try #require((image["DiskDeviceMappings"] as? [String: Any])?["DiskDeviceMapping"] as? [[String: Any]])
        #expect(mappings.first?["Device"] as? String == "/dev/xvda")
        let tags = try #require((image["Tags"] as? [String: Any])?["Tag"] as? [[String: Any]])
        #expect(tags.contains { $0["TagKey"] as? String == "env" && $0["TagValue"] as? String == "prod" })
        #expect((image["DetectionOptions"] as? [String: Any])?["Items"] is [String: Any])
        #expect(image["Usage"] as? String == "instance")
        #expect(image["ImageOwnerId"] as? Int == 1_234_567_890_123_456)
    }

    @Test func defaultStatusIsAvailableAndAllShowsEverything() {
        let available = names([:])
        #expect(!available.contains("app-server-creating"))
        #expect(!available.contains("legacy-centos6-base"))
        let all = names(["Status": "ALL"])
        for name in ["app-server-creating", "legacy-centos6-base", "broken-import-2024", "retired-unavailable"] {
            #expect(all.contains(name), "\(name)")
        }
        #expect(Set(names(["Status": "Deprecated,Creating"])) == ["legacy-centos6-base", "hangzhou-daily-2024-05-01", "app-server-creating"])
    }

    @Test func pagingCountsEverythingAndPagesNewestFirst() throws {
        let first = describe(["Status": "ALL", "PageSize": "4"])
        let total = try #require(first.jsonObject?["TotalCount"] as? Int)
        var seen: [String] = []
        var times: [String] = []
        var page = 1
        while seen.count < total {
            let response = describe(["Status": "ALL", "PageSize": "4", "PageNumber": String(page)])
            let images = EmulatorHarness.images(response)
            #expect(images.count <= 4)
            #expect(response.jsonObject?["PageNumber"] as? Int == page)
            if images.isEmpty { break }
            seen += images.compactMap { $0["ImageId"] as? String }
            times += images.compactMap { $0["CreationTime"] as? String }
            page += 1
        }
        #expect(seen.count == total)
        #expect(Set(seen).count == total)
        #expect(times == times.sorted(by: >))
        #expect(EmulatorHarness.images(describe(["Status": "ALL", "PageSize": "4", "PageNumber": "99"])).isEmpty)
    }

    @Test func pageSizeAboveHundredIsRejected() {
        for size in ["101", "0", "ten"] {
            let response = describe(["PageSize": size])
            #expect(response.status == 400, "PageSize=\(size)")
            #expect(response.errorCode == "InvalidParameter", "PageSize=\(size): \(response.body)")
        }
        #expect(describe(["PageSize": "100"]).status == 200)
    }

    @Test func nameIsFuzzyAndIdsAreAList() throws {
        #expect(Set(names(["ImageName": "WEB-PROD"])) == Set((1...5).map { "web-prod-v\($0)" }))
        #expect(names(["ImageName": "测试*image"]) == ["测试镜像-image_01"])
        let ids = try ["web-prod-v1", "arm-build-01"].map { try harness.id(of: $0) }
        #expect(Set(names(["ImageId": ids.joined(separator: ",")])) == ["web-prod-v1", "arm-build-01"])
    }

    @Test func ownerAliasSeparatesSelfSystemOthersAndMarketplace() {
        let system = names(["ImageOwnerAlias": "system"])
        #expect(system.count == 5)
        #expect(system.contains("centos_7_9_x64_20G_alibase_20240628.vhd"))
        #expect(names(["ImageOwnerAlias": "others"]) == ["other-shared-toolbox"])
        #expect(names(["ImageOwnerAlias": "marketplace"]) == ["LAMP-stack-on-CentOS-7.9"])
        let own = names(["ImageOwnerAlias": "self"])
        #expect(own.contains("web-prod-v1"))
        #expect(!own.contains("other-private-build"))
        #expect(!names([:]).contains("other-private-build"), "another account's private image is invisible")
    }

    @Test func secondAccountSeesOnlyItsOwnAndPublicImages() {
        let response = describe(["ImageOwnerAlias": "self", "PageSize": "100"], key: "demo-other-access", secret: "demo-other-secret")
        let own = EmulatorHarness.images(response).compactMap { $0["ImageName"] as? String }
        #expect(Set(own) == ["other-private-build", "other-shared-toolbox"])
        let shared = describe(["ImageOwnerAlias": "others"], key: "demo-other-access", secret: "demo-other-secret")
        #expect(EmulatorHarness.images(shared).compactMap { $0["ImageName"] as? String } == ["shared-base-image"])
    }

    @Test func attributeFilters() {
        #expect(Set(names(["Architecture": "arm64", "ImageOwnerAlias": "self"])) == ["arm-build-01", "arm-build-02"])
        #expect(names(["ImageFamily": "batch-nightly"]).count == 4)
        #expect(Set(names(["OSType": "windows", "ImageOwnerAlias": "self"])) == ["windows-iis-golden"])
        #expect(Set(names(["Usage": "instance"])) == ["web-prod-v5", "database-host"])
        #expect(names(["IsPublic": "True"]).count == 6)
        #expect(!names(["IsPublic": "false"]).contains("centos_7_9_x64_20G_alibase_20240628.vhd"))
        #expect(Set(names(["Tag.1.Key": "team", "Tag.1.Value": "data"])) == ["database-host"])
        #expect(names(["Tag.1.Key": "env"]).count == 10)
        #expect(names(["Tag.1.Key": "env", "Tag.1.Value": "staging"]).count == 4)
        #expect(names(["Tag.1.Key": "团队", "Tag.1.Value": "图像"]) == ["测试镜像-image_01"])
    }

    /// Filters of the request model that were accepted and silently ignored (every image came back).
    @Test func snapshotOwnerGroupSupportUsableAndInstanceTypeFilters() throws {
        let web = try #require(try harness.image(named: "web-prod-v1"))
        #expect(names(["SnapshotId": web.snapshotId]) == ["web-prod-v1"])
        #expect(names(["SnapshotId": "s-no-such-snapshot"]).isEmpty)
        let own = Set(names(["ImageOwnerAlias": "self"]))
        #expect(Set(names(["ImageOwnerId": web.ownerId])) == own)
        #expect(names(["ImageOwnerId": "1"]).isEmpty)
        let group = Set(names(["ResourceGroupId": web.resourceGroupId]))
        #expect(group.contains("web-prod-v1"))
        #expect(names(["ResourceGroupId": "rg-none"]).isEmpty)
        #expect(names(["IsSupportCloudinit": "false"]).isEmpty)
        #expect(Set(names(["IsSupportIoOptimized": "true"])) == Set(names([:])))
        // Usable is what DescribeImages renders: Available images are usable, Deprecated ones are not.
        #expect(Set(names(["Usable": "true", "Status": "Available,Deprecated"])) == Set(names(["Status": "Available"])))
        #expect(Set(names(["Usable": "false", "Status": "Available,Deprecated"])) == Set(names(["Status": "Deprecated"])))
        #expect(Set(names(["InstanceType": "ecs.g8y.large", "ImageOwnerAlias": "self"])) == ["arm-build-01", "arm-build-02"])
        #expect(!names(["InstanceType": "ecs.g7.large", "ImageOwnerAlias": "self"]).contains("arm-build-01"))
        for bad in ["g7.large", "ecs.G7.large", "ecs.g7."] {
            #expect(describe(["InstanceType": bad]).errorCode == "InvalidParameter", "\(bad)")
        }
        #expect(describe(["Usable": "maybe"]).errorCode == "InvalidParameter")
    }

    @Test func instanceTypeFamiliesMapToArchitectures() {
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.g6r.large") == "arm64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.c8y.2xlarge") == "arm64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.r8y.xlarge") == "arm64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.r7.large") == "x86_64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.g7se.large") == "x86_64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.t5-lc1m1.small") == "x86_64")
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.large") == nil)
        #expect(ImageFilter.architecture(ofInstanceType: "ecs.gpu.large") == nil)
    }

    @Test func creationTimeFilters() {
        let recent = names([
            "Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2024-06-01T00:00Z",
            "Filter.2.Key": "CreationEndTime", "Filter.2.Value": "2024-06-30T00:00Z", "ImageOwnerAlias": "self",
        ])
        #expect(Set(recent) == ["hangzhou-daily-2024-06-01", "windows-iis-golden"])
    }

    @Test func lookAlikeListNamesNeverStandInForTheRealOnes() {
        // `Filter.1..Value` and `Filter.01.Value` are not `Filter.1.Value` (the validator ignores or refuses
        // them too); whichever order the parameters come in, the real value decides.
        let expected = names([
            "Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2024-06-01T00:00Z", "ImageOwnerAlias": "self",
        ])
        #expect(!expected.isEmpty)
        for _ in 0..<20 {
            let response = describe([
                "Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2024-06-01T00:00Z", "Filter.1..Value": "not a time",
                "Filter.1.Value.": "not a time either", "ImageOwnerAlias": "self", "PageSize": "100",
            ])
            #expect(response.status == 200)
            #expect(EmulatorHarness.images(response).compactMap { $0["ImageName"] as? String } == expected)
        }
        #expect(describe(["Filter.01.Key": "CreationStartTime", "Filter.01.Value": "2024-06-01T00:00Z"]).status == 400)
    }

    @Test func otherRegionsHaveTheirOwnImages() {
        let beijing = names(["RegionId": "cn-beijing", "ImageOwnerAlias": "self"])
        #expect(beijing.count == 61, "the hand-written two and the generated fleet's Available ones")
        #expect(Set(beijing).count == beijing.count)
        #expect(beijing.contains("bj-analytics") && beijing.contains("bj-analytics-arm"))
        #expect(!beijing.contains("web-prod-v1") && !beijing.contains("sh-api-base"))
        let shanghai = names(["RegionId": "cn-shanghai", "ImageOwnerAlias": "self"])
        #expect(shanghai.count == 63)
        #expect(Set(["sh-api", "sh-web", "sh-db", "sh-cache", "sh-queue", "sh-search", "sh-ml", "sh-gateway"].map { "\($0)-base" })
            .isSubset(of: shanghai))
        #expect(!shanghai.contains("bj-analytics") && !shanghai.contains("web-prod-v1"))
    }
}
