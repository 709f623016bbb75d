import ECSValidation
import XCTest

final class RelatedActionTests: XCTestCase {
    private let region = ["RegionId": "cn-hangzhou"]
    private let image = ["RegionId": "cn-hangzhou", "ImageId": "m-bp1"]

    private func describe(_ extra: [String: String]) -> [String: String] {
        region.merging(extra) { _, new in new }
    }

    // MARK: DescribeImages

    func testDescribeImagesEveryEnumValue() {
        assertRequest("DescribeImages", region)
        for status in ImageRules.imageStatuses + ["ALL", "Available,Deprecated"] {
            assertRequest("DescribeImages", describe(["Status": status]))
        }
        for alias in ["system", "self", "others", "marketplace"] {
            assertRequest("DescribeImages", describe(["ImageOwnerAlias": alias]))
        }
        for os in ["windows", "linux"] { assertRequest("DescribeImages", describe(["OSType": os])) }
        for arch in ["i386", "x86_64", "arm64"] { assertRequest("DescribeImages", describe(["Architecture": arch])) }
        for usage in ["instance", "none"] { assertRequest("DescribeImages", describe(["Usage": usage])) }
        assertRequest("DescribeImages", describe(["Status": "Gone"]), fails: "InvalidParameter", on: "Status")
        assertRequest(
            "DescribeImages", describe(["ImageOwnerAlias": "public"]),
            fails: "InvalidImageOwnerAlias.ValueNotSupported", on: "ImageOwnerAlias")
        assertRequest("DescribeImages", describe(["OSType": "Windows"]), fails: "InvalidOSType", on: "OSType")
        assertRequest("DescribeImages", describe(["Architecture": "amd64"]), fails: "InvalidArchitecture", on: "Architecture")
        assertRequest("DescribeImages", describe(["Usage": "disk"]), fails: "InvalidUsage", on: "Usage")
        for action in ["CreateEcs", "ChangeOS"] { assertRequest("DescribeImages", describe(["ActionType": action])) }
        for bad in ["bogus", "createecs", ""] {
            assertRequest("DescribeImages", describe(["ActionType": bad]), fails: "InvalidParameter", on: "ActionType")
        }
    }

    func testDescribeImagesRequiresRegion() {
        assertRequest("DescribeImages", [:], fails: "MissingParameter", on: "RegionId")
        assertRequest("DescribeImages", ["RegionId": ""], fails: "InvalidRegionId.MalFormed", on: "RegionId")
    }

    func testDescribeImagesIgnoresFreeTextFilters() {
        // ImageName is a fuzzy match on DescribeImages, not a new name: no name rule applies.
        assertRequest(
            "DescribeImages",
            describe(["ImageName": "1 fuzzy*", "ImageFamily": "acs:ubuntu", "ImageId": "m-1,m-2", "SnapshotId": "",
                      "InstanceType": "ecs.g7.large", "ActionType": "CreateEcs"]))
    }

    func testPaging() {
        for ok in ["1", "10", "100", "+5", "050"] { assertRequest("DescribeImages", describe(["PageSize": ok])) }
        for bad in ["0", "101", "-1", "", "abc", "1.5", "99999999999999999999999", " 10"] {
            assertRequest("DescribeImages", describe(["PageSize": bad]), fails: "InvalidParameter", on: "PageSize")
        }
        for ok in ["1", "2", "1000000", "2147483647"] { assertRequest("DescribeImages", describe(["PageNumber": ok])) }
        for bad in ["0", "-3", "", "x", "2147483648", "9223372036854775807"] {
            assertRequest("DescribeImages", describe(["PageNumber": bad]), fails: "InvalidParameter", on: "PageNumber")
        }
        assertRequest(
            "DescribeImages", describe(["ImageOwnerId": "-1"]), fails: "InvalidParameter", on: "ImageOwnerId")
    }

    func testDescribeImagesBooleans() {
        for flag in ["DryRun", "IsPublic", "IsSupportCloudinit", "IsSupportIoOptimized", "ShowExpired", "Usable"] {
            assertRequest("DescribeImages", describe([flag: "False"]))
            assertRequest("DescribeImages", describe([flag: "0"]), fails: "InvalidParameter", on: flag)
        }
    }

    func testTags() {
        assertRequest("DescribeImages", describe(["Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.20.Key": "k"]))
        assertRequest("DescribeImages", describe(["Tag.1.Key": "env", "Tag.1.Value": ""]))
        assertRequest("DescribeImages", describe(["Tag.1.Key": repeated("k", 128), "Tag.1.Value": repeated("v", 128)]))
        assertRequest("DescribeImages", describe(["Tag.21.Key": "k"]), fails: "InvalidTagCount", on: "Tag.21.Key")
        assertRequest("DescribeImages", describe(["Tag.21.Value": "v"]), fails: "InvalidTagCount", on: "Tag.21.Value")
        assertRequest("DescribeImages", describe(["Tag.0.Key": "k"]), fails: "InvalidParameter", on: "Tag.0.Key")
        assertRequest("DescribeImages", describe(["Tag.01.Key": "k"]), fails: "InvalidParameter", on: "Tag.01.Key")
        assertRequest("DescribeImages", describe(["Tag.x.Key": "k"]), fails: "InvalidParameter", on: "Tag.x.Key")
        assertRequest("DescribeImages", describe(["Tag.-1.Key": "k"]), fails: "InvalidParameter", on: "Tag.-1.Key")
        assertRequest("DescribeImages", describe(["Tag.1.Value": "v"]), fails: "InvalidTag.Mismatch", on: "Tag.1.Value")
        assertRequest("DescribeImages", describe(["Tag.1.Key": ""]), fails: "InvalidTagKey.Malformed", on: "Tag.1.Key")
        assertRequest(
            "DescribeImages", describe(["Tag.1.Key": repeated("k", 129)]), fails: "InvalidTagKey.Malformed", on: "Tag.1.Key")
        assertRequest(
            "DescribeImages", describe(["Tag.1.Key": "k", "Tag.1.Value": repeated("测", 129)]),
            fails: "InvalidTagValue.Malformed", on: "Tag.1.Value")
        // Lists are checked by index: Tag.2 is reported before Tag.10 whatever the dictionary order.
        assertRequest(
            "DescribeImages", describe(["Tag.10.Value": "v", "Tag.2.Key": "", "Tag.10.Key": ""]),
            fails: "InvalidTagKey.Malformed", on: "Tag.2.Key")
        // Unknown fields of a list element are ignored, like any unknown parameter.
        assertRequest("DescribeImages", describe(["Tag.1.Foo": "x", "Tag": "x", "Tags.1.Key": ""]))
    }

    func testFilters() {
        assertRequest(
            "DescribeImages",
            describe(["Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2017-12-05T22:40Z",
                      "Filter.2.Key": "CreationEndTime", "Filter.2.Value": "2024-02-29T23:59Z"]))
        assertRequest(
            "DescribeImages", describe(["Filter.1.Key": "NetworkType", "Filter.1.Value": "2017-12-05T22:40Z"]),
            fails: "InvalidFilterKey.NotFound", on: "Filter.1.Key")
        assertRequest(
            "DescribeImages", describe(["Filter.1.Value": "2017-12-05T22:40Z"]),
            fails: "InvalidFilterKey.NotFound", on: "Filter.1.Key")
        assertRequest(
            "DescribeImages", describe(["Filter.1.Key": "CreationStartTime"]),
            fails: "InvalidFilterValue", on: "Filter.1.Value")
        let badTimes = [
            "", "2017-12-05", "2017-13-05T22:40Z", "2017-00-05T22:40Z", "2017-12-00T22:40Z", "2017-02-30T00:00Z",
            "2023-02-29T00:00Z", "1900-02-29T00:00Z", "2017-12-05T24:00Z", "2017-12-05T22:60Z",
            "2017-12-05T22:40:00Z", "2017-12-05 22:40Z", "2017-12-05T22:40z", "2017-12-05T22:40+08:00",
            "17-12-05T22:40Z", "2017-1a-05T22:40Z", "２017-12-05T22:40Z",
        ]
        for bad in badTimes {
            assertRequest(
                "DescribeImages", describe(["Filter.1.Key": "CreationEndTime", "Filter.1.Value": bad]),
                fails: "InvalidFilterValue", on: "Filter.1.Value")
        }
        for good in ["2000-02-29T00:00Z", "2024-02-29T12:30Z", "1999-12-31T23:59Z", "2017-04-30T00:00Z"] {
            assertRequest(
                "DescribeImages", describe(["Filter.1.Key": "CreationStartTime", "Filter.1.Value": good]))
        }
        XCTAssertEqual(
            RequestValidator.validate(
                action: "DescribeImages", parameters: describe(["Filter.1.Key": "Bad"]))?.httpStatus, 404)
    }

    // MARK: Share permissions

    func testModifyImageSharePermission() {
        var ten: [String: String] = image
        for n in 1...10 {
            ten["AddAccount.\(n)"] = "12345678901234\(n)"
            ten["RemoveAccount.\(n)"] = "2234567890123\(n)"
        }
        assertRequest("ModifyImageSharePermission", ten)
        assertRequest("ModifyImageSharePermission", image.merging(["IsPublic": "true", "DryRun": "False"]) { $1 })
        assertRequest(
            "ModifyImageSharePermission", image.merging(["AddAccount.11": "1"]) { $1 },
            fails: "InvalidParameter", on: "AddAccount.11")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["RemoveAccount.0": "1"]) { $1 },
            fails: "InvalidParameter", on: "RemoveAccount.0")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["AddAccount.x": "1"]) { $1 },
            fails: "InvalidParameter", on: "AddAccount.x")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["AddAccount.3": "12ab"]) { $1 },
            fails: "InvalidParameter", on: "AddAccount.3")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["RemoveAccount.1": ""]) { $1 },
            fails: "InvalidParameter", on: "RemoveAccount.1")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["IsPublic": "yes"]) { $1 },
            fails: "InvalidParameter", on: "IsPublic")
        assertRequest(
            "ModifyImageSharePermission", image.merging(["AddAccount.2": "x", "AddAccount.10": "y"]) { $1 },
            fails: "InvalidParameter", on: "AddAccount.2")
        assertRequest("ModifyImageSharePermission", region, fails: "MissingParameter", on: "ImageId")
    }

    func testDescribeImageSharePermission() {
        assertRequest("DescribeImageSharePermission", image.merging(["PageSize": "100", "PageNumber": "3"]) { $1 })
        assertRequest("DescribeImageSharePermission", region, fails: "MissingParameter", on: "ImageId")
        assertRequest(
            "DescribeImageSharePermission", image.merging(["PageSize": "101"]) { $1 },
            fails: "InvalidParameter", on: "PageSize")
    }

    // MARK: Others

    func testDescribeImageFromFamily() {
        assertRequest("DescribeImageFromFamily", describe(["ImageFamily": "hangzhou-daily-update"]))
        assertRequest("DescribeImageFromFamily", describe(["ImageFamily": "acs:alibaba_cloud_linux_3_2104_lts_x64"]))
        assertRequest("DescribeImageFromFamily", region, fails: "MissingParameter", on: "ImageFamily")
        assertRequest(
            "DescribeImageFromFamily", describe(["ImageFamily": ""]), fails: "InvalidImageFamily.Malformed", on: "ImageFamily")
        assertRequest(
            "DescribeImageFromFamily", describe(["ImageFamily": "1abc"]),
            fails: "InvalidImageFamily.Malformed", on: "ImageFamily")
        assertRequest("DescribeImageFromFamily", ["ImageFamily": "x1"], fails: "MissingParameter", on: "RegionId")
    }

    func testDescribeRegions() {
        assertRequest("DescribeRegions", [:])
        assertRequest(
            "DescribeRegions",
            ["AcceptLanguage": "en-US", "InstanceChargeType": "PostPaid", "ResourceType": "instance", "RegionId": "cn-beijing"])
        for language in ["zh-CN", "en-US", "ja"] { assertRequest("DescribeRegions", ["AcceptLanguage": language]) }
        assertRequest("DescribeRegions", ["AcceptLanguage": "fr"], fails: "InvalidParameter", on: "AcceptLanguage")
        assertRequest("DescribeRegions", ["InstanceChargeType": "Free"], fails: "InvalidParameter", on: "InstanceChargeType")
        assertRequest("DescribeRegions", ["ResourceType": "vpc"], fails: "InvalidParameter", on: "ResourceType")
        assertRequest("DescribeRegions", ["RegionId": ""], fails: "InvalidRegionId.MalFormed", on: "RegionId")
    }

    func testDeleteImage() {
        assertRequest("DeleteImage", image)
        assertRequest("DeleteImage", image.merging(["Force": "true", "DryRun": "False"]) { $1 })
        assertRequest("DeleteImage", image.merging(["Force": "maybe"]) { $1 }, fails: "InvalidParameter", on: "Force")
        assertRequest("DeleteImage", image.merging(["DryRun": "1"]) { $1 }, fails: "InvalidParameter", on: "DryRun")
        assertRequest("DeleteImage", region, fails: "MissingParameter", on: "ImageId")
        assertRequest("DeleteImage", ["ImageId": "m-1"], fails: "MissingParameter", on: "RegionId")
        assertRequest("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": ""], fails: "InvalidImageId.Malformed", on: "ImageId")
    }
}
