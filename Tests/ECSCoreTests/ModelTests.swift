import Foundation
import XCTest

@testable import ECSCore

final class ModelTests: XCTestCase {
    // MARK: JSONValue

    func testIntegersStayIntegers() throws {
        let value = try JSONValue.parse(#"{"a": 1234567890123456, "b": 1.5, "c": -3, "d": [true, null, "x"]}"#)
        XCTAssertEqual(value["a"], .int(1_234_567_890_123_456))
        XCTAssertEqual(value["b"], .double(1.5))
        XCTAssertEqual(value["c"], .int(-3))
        XCTAssertEqual(value["d"]?[0], .bool(true))
        XCTAssertEqual(value["d"]?[1], .null)
        XCTAssertEqual(value["d"]?[2], .string("x"))
        XCTAssertNil(value["d"]?[3])
        XCTAssertNil(value["missing"])
        XCTAssertEqual(value.jsonText, #"{"a":1234567890123456,"b":1.5,"c":-3,"d":[true,null,"x"]}"#)
    }

    func testRoundTripThroughCodable() throws {
        let value: JSONValue = ["Images": ["Image": [["ImageId": "m-1", "Size": 40, "Ok": true, "Ratio": 0.25]]]]
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
    }

    func testLenientAccessors() {
        XCTAssertEqual(JSONValue.string("40").intValue, 40)
        XCTAssertEqual(JSONValue.int(40).stringValue, "40")
        XCTAssertEqual(JSONValue.double(40).stringValue, "40")
        XCTAssertEqual(JSONValue.string("TRUE").boolValue, true)
        XCTAssertEqual(JSONValue.string("false").boolValue, false)
        XCTAssertNil(JSONValue.string("yes").boolValue)
        XCTAssertNil(JSONValue.string("4x").intValue)
        XCTAssertEqual(JSONValue.int(2).doubleValue, 2)
        XCTAssertTrue(JSONValue.null.isNull)
    }

    func testParseRejectsNonJSON() {
        XCTAssertThrowsError(try JSONValue.parse("<html>")) { error in
            guard case .decoding? = error as? ECSClientError else { return XCTFail("\(error)") }
        }
    }

    func testListUnwrapsArrayLoneObjectAndAbsence() {
        let many: JSONValue = ["Tag": [["TagKey": "a"], ["TagKey": "b"]]]
        let one: JSONValue = ["Tag": ["TagKey": "a"]]
        XCTAssertEqual(many.list("Tag").count, 2)
        XCTAssertEqual(one.list("Tag").count, 1)
        XCTAssertEqual(JSONValue.object([:]).list("Tag").count, 0)
    }

    // MARK: Responses

    static let imageJSON: JSONValue = [
        "ImageId": "m-bp1abc", "ImageName": "web-2024", "ImageFamily": "web", "ImageVersion": "2",
        "Description": "web servers", "Status": "Available", "Progress": "100%", "Size": "40",
        "Architecture": "x86_64", "BootMode": "UEFI", "CreationTime": "2024-01-02T03:04:05Z",
        "ImageOwnerAlias": "self", "ImageOwnerId": 1_234_567_890_123_456, "IsCopied": false, "IsPublic": false,
        "IsSelfShared": "True", "IsSubscribed": false, "IsSupportCloudinit": true, "IsSupportIoOptimized": "true",
        "LicenseType": "BYOL", "LoginAsNonRootSupported": true, "OSName": "Alibaba Cloud Linux 3",
        "OSNameEn": "Alibaba Cloud Linux 3", "OSType": "linux", "Platform": "Aliyun", "ProductCode": "",
        "ResourceGroupId": "rg-1", "SupplierName": "", "Usable": true, "Usage": "instance",
        "Features": [
            "ImdsSupport": "v2", "NvmeSupport": "supported", "CpuOnlineUpgrade": "supported",
            "CpuOnlineDowngrade": "unsupported", "MemoryOnlineUpgrade": "supported",
            "MemoryOnlineDowngrade": "unsupported",
        ],
        "SecureBootOptions": ["SecureBootSupport": "supported"],
        "DiskDeviceMappings": [
            "DiskDeviceMapping": [
                [
                    "Device": "/dev/xvda", "Type": "system", "Size": 40, "SnapshotId": "s-1", "Format": "qcow2",
                    "ImportOSSBucket": "b", "ImportOSSObject": "o", "Progress": "100%", "RemainTime": 0,
                    "Encrypted": false,
                ],
                ["Device": "/dev/xvdb", "Type": "data", "Size": "100"],
            ]
        ],
        "Tags": ["Tag": [["TagKey": "env", "TagValue": "prod"], ["TagKey": "team"]]],
        "DetectionOptions": [
            "Status": "Finished",
            "Items": ["Item": [["Name": "GuestOS.Kernel", "Value": "5.10", "RiskLevel": "Low", "RiskCode": "R1"]]],
        ],
        "SomethingNew": ["Nested": [1, 2, 3]],
    ]

    func testImageDecodesEveryField() {
        let image = ECSImage(json: Self.imageJSON)
        XCTAssertEqual(image.imageId, "m-bp1abc")
        XCTAssertEqual(image.imageName, "web-2024")
        XCTAssertEqual(image.imageFamily, "web")
        XCTAssertEqual(image.imageVersion, "2")
        XCTAssertEqual(image.description, "web servers")
        XCTAssertEqual(image.status, "Available")
        XCTAssertEqual(image.progress, "100%")
        XCTAssertEqual(image.size, 40)
        XCTAssertEqual(image.architecture, "x86_64")
        XCTAssertEqual(image.bootMode, "UEFI")
        XCTAssertEqual(image.creationTime, "2024-01-02T03:04:05Z")
        XCTAssertEqual(image.imageOwnerAlias, "self")
        XCTAssertEqual(image.imageOwnerId, 1_234_567_890_123_456)
        XCTAssertEqual(image.isCopied, false)
        XCTAssertEqual(image.isPublic, false)
        XCTAssertEqual(image.isSelfShared, "True")
        XCTAssertEqual(image.isSubscribed, false)
        XCTAssertEqual(image.isSupportCloudinit, true)
        XCTAssertEqual(image.isSupportIoOptimized, true)
        XCTAssertEqual(image.licenseType, "BYOL")
        XCTAssertEqual(image.loginAsNonRootSupported, true)
        XCTAssertEqual(image.osName, "Alibaba Cloud Linux 3")
        XCTAssertEqual(image.osNameEn, "Alibaba Cloud Linux 3")
        XCTAssertEqual(image.osType, "linux")
        XCTAssertEqual(image.platform, "Aliyun")
        XCTAssertEqual(image.productCode, "")
        XCTAssertEqual(image.resourceGroupId, "rg-1")
        XCTAssertEqual(image.supplierName, "")
        XCTAssertEqual(image.usable, true)
        XCTAssertEqual(image.usage, "instance")
        XCTAssertEqual(
            image.features,
            ImageFeatures(
                imdsSupport: "v2", nvmeSupport: "supported", cpuOnlineUpgrade: "supported",
                cpuOnlineDowngrade: "unsupported", memoryOnlineUpgrade: "supported",
                memoryOnlineDowngrade: "unsupported"))
        XCTAssertEqual(image.secureBootSupport, "supported")
        XCTAssertEqual(
            image.diskDeviceMappings,
            [
                DiskDeviceMapping(
                    device: "/dev/xvda", type: "system", size: "40", snapshotId: "s-1", format: "qcow2",
                    importOSSBucket: "b", importOSSObject: "o", progress: "100%", remainTime: 0, encrypted: false),
                DiskDeviceMapping(device: "/dev/xvdb", type: "data", size: "100"),
            ])
        XCTAssertEqual(image.tags, [ResourceTag(key: "env", value: "prod"), ResourceTag(key: "team")])
        XCTAssertEqual(
            image.detectionOptions,
            DetectionOptions(
                status: "Finished",
                items: [.init(name: "GuestOS.Kernel", value: "5.10", riskLevel: "Low", riskCode: "R1")]))
    }

    func testImageSizeAsNumberAndMissingGroups() {
        let image = ECSImage(json: ["ImageId": "m-2", "Size": 20, "Features": "weird", "Tags": [:]])
        XCTAssertEqual(image.size, 20)
        XCTAssertNil(image.features)
        XCTAssertEqual(image.tags, [])
        XCTAssertEqual(image.diskDeviceMappings, [])
        XCTAssertNil(image.detectionOptions)
        XCTAssertNil(image.status)
    }

    func testDescribeImagesResponse() throws {
        let json: JSONValue = [
            "RequestId": "R", "RegionId": "cn-hangzhou", "TotalCount": "3", "PageNumber": 1, "PageSize": 2,
            "Images": ["Image": [Self.imageJSON, ["ImageId": "m-2"]]],
        ]
        let page = try DescribeImagesResponse(json: json)
        XCTAssertEqual(page.requestId, "R")
        XCTAssertEqual(page.regionId, "cn-hangzhou")
        XCTAssertEqual(page.totalCount, 3)
        XCTAssertEqual(page.pageNumber, 1)
        XCTAssertEqual(page.pageSize, 2)
        XCTAssertEqual(page.images.map(\.imageId), ["m-bp1abc", "m-2"])
        let lone = try DescribeImagesResponse(json: ["Images": ["Image": ["ImageId": "m-9"]]])
        XCTAssertEqual(lone.images.map(\.imageId), ["m-9"])
        XCTAssertEqual(try DescribeImagesResponse(json: ["RequestId": "R"]).images, [])
        XCTAssertThrowsError(try DescribeImagesResponse(json: .array([])))
    }

    func testOtherResponses() throws {
        let family = try DescribeImageFromFamilyResponse(json: ["RequestId": "R", "Image": ["ImageId": "m-f"]])
        XCTAssertEqual(family.image?.imageId, "m-f")
        XCTAssertNil(try DescribeImageFromFamilyResponse(json: ["RequestId": "R", "Image": [:]]).image)

        let shares = try DescribeImageSharePermissionResponse(json: [
            "RequestId": "R", "ImageId": "m-1", "RegionId": "cn-hangzhou", "TotalCount": 2, "PageNumber": 1,
            "PageSize": 10,
            "Accounts": ["Account": [["AliyunId": "123", "SharedTime": "2024-01-01T00:00:00Z"], ["AliyunId": 456]]],
            "ShareGroups": ["ShareGroup": [["Group": "all"]]],
        ])
        XCTAssertEqual(
            shares.accounts,
            [.init(aliyunId: "123", sharedTime: "2024-01-01T00:00:00Z"), .init(aliyunId: "456")])
        XCTAssertEqual(shares.shareGroups, ["all"])
        XCTAssertEqual(shares.totalCount, 2)

        let regions = try DescribeRegionsResponse(json: [
            "RequestId": "R",
            "Regions": [
                "Region": [
                    [
                        "RegionId": "cn-hangzhou", "LocalName": "华东1（杭州）",
                        "RegionEndpoint": "ecs.cn-hangzhou.aliyuncs.com", "Status": "available",
                    ],
                    ["LocalName": "no id"],
                ]
            ],
        ])
        XCTAssertEqual(
            regions.regions,
            [ECSRegion(regionId: "cn-hangzhou", localName: "华东1（杭州）", regionEndpoint: "ecs.cn-hangzhou.aliyuncs.com", status: "available")])

        let plain = try RequestIdResponse(json: ECSClient.dryRunResponse)
        XCTAssertEqual(plain, RequestIdResponse(requestId: "dry-run", dryRun: true))
    }

    // MARK: Requests

    func testModifyImageAttributeParametersCoverEveryField() {
        let request = ModifyImageAttributeRequest(
            imageId: "m-1", regionId: "cn-beijing", imageName: "web", description: "desc", imageFamily: "fam",
            status: "Deprecated", bootMode: "UEFI", licenseType: "BYOL",
            features: .init(imdsSupport: "v2", nvmeSupport: "supported"), dryRun: true,
            owner: OwnerParameters(ownerAccount: "oa", ownerId: 1, resourceOwnerAccount: "roa", resourceOwnerId: 2))
        XCTAssertEqual(
            request.parameters,
            [
                "ImageId": "m-1", "RegionId": "cn-beijing", "ImageName": "web", "Description": "desc",
                "ImageFamily": "fam", "Status": "Deprecated", "BootMode": "UEFI", "LicenseType": "BYOL",
                "Features.ImdsSupport": "v2", "Features.NvmeSupport": "supported", "DryRun": "true",
                "OwnerAccount": "oa", "OwnerId": "1", "ResourceOwnerAccount": "roa", "ResourceOwnerId": "2",
            ])
        XCTAssertEqual(ModifyImageAttributeRequest(imageId: "m-1").parameters, ["ImageId": "m-1"])
        XCTAssertEqual(ModifyImageAttributeRequest(imageId: "m-1", imageName: "").parameters["ImageName"], "")
    }

    func testDescribeImagesParametersFlattenTagsFiltersAndPaging() {
        let request = DescribeImagesRequest(
            imageId: "m-1,m-2", imageName: "web", imageFamily: "f", imageOwnerAlias: "self", imageOwnerId: 7,
            status: "Available,Deprecated", snapshotId: "s-1", usage: "instance", osType: "linux",
            architecture: "arm64", instanceType: "ecs.g7.large", actionType: "CreateEcs", isPublic: false,
            isSupportCloudinit: true, isSupportIoOptimized: true, showExpired: false, usable: true,
            resourceGroupId: "rg", tags: [.init(key: "env", value: "prod"), .init(key: "team")],
            filters: [.init(key: "CreationStartTime", value: "2024-01-01T00:00Z")], pageNumber: 2, pageSize: 50,
            dryRun: false)
        XCTAssertEqual(
            request.parameters,
            [
                "ImageId": "m-1,m-2", "ImageName": "web", "ImageFamily": "f", "ImageOwnerAlias": "self",
                "ImageOwnerId": "7", "Status": "Available,Deprecated", "SnapshotId": "s-1", "Usage": "instance",
                "OSType": "linux", "Architecture": "arm64", "InstanceType": "ecs.g7.large",
                "ActionType": "CreateEcs", "IsPublic": "false", "IsSupportCloudinit": "true",
                "IsSupportIoOptimized": "true", "ShowExpired": "false", "Usable": "true", "ResourceGroupId": "rg",
                "Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "team",
                "Filter.1.Key": "CreationStartTime", "Filter.1.Value": "2024-01-01T00:00Z",
                "PageNumber": "2", "PageSize": "50", "DryRun": "false",
            ])
    }

    func testShareDeleteFamilyRegionsParameters() {
        XCTAssertEqual(
            ModifyImageSharePermissionRequest(
                imageId: "m-1", addAccounts: ["111", "222"], removeAccounts: ["333"], isPublic: false,
                launchPermission: "x"
            ).parameters,
            [
                "ImageId": "m-1", "AddAccount.1": "111", "AddAccount.2": "222", "RemoveAccount.1": "333",
                "IsPublic": "false", "LaunchPermission": "x",
            ])
        XCTAssertEqual(
            DeleteImageRequest(imageId: "m-1", force: true).parameters, ["ImageId": "m-1", "Force": "true"])
        XCTAssertEqual(
            DescribeImageFromFamilyRequest(imageFamily: "web", regionId: "cn-hangzhou").parameters,
            ["ImageFamily": "web", "RegionId": "cn-hangzhou"])
        XCTAssertEqual(
            DescribeImageSharePermissionRequest(imageId: "m-1", pageNumber: 1, pageSize: 10).parameters,
            ["ImageId": "m-1", "PageNumber": "1", "PageSize": "10"])
        XCTAssertEqual(
            DescribeRegionsRequest(acceptLanguage: "en-US", instanceChargeType: "PostPaid", resourceType: "instance")
                .parameters,
            ["AcceptLanguage": "en-US", "InstanceChargeType": "PostPaid", "ResourceType": "instance"])
    }
}
