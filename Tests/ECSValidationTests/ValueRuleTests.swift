import ECSValidation
import XCTest

final class ValueRuleTests: XCTestCase {
    /// An empty string gets the code the server gives for a malformed value of that very parameter.
    func testEmptyValuesTakeTheParametersOwnCode() {
        let expected = [
            "ImageName": "InvalidImageName.Malformed", "ImageId": "InvalidImageId.Malformed",
            "ImageFamily": "InvalidImageFamily.Malformed", "Description": "InvalidDescription.Malformed",
            "RegionId": "InvalidRegionId.MalFormed", "BootMode": "InvalidBootMode.NotSupport",
            "LicenseType": "InvalidLicenseType.NotSupported", "Features.ImdsSupport": "InvalidParameter.FeaturesImdsSupport",
            "Tag.3.Key": "InvalidTagKey.Malformed", "Tag.3.Value": "InvalidTagValue.Malformed",
            "SnapshotId": "InvalidParameter", "Features.NvmeSupport": "InvalidParameter", "AddAccount.1": "InvalidParameter",
        ]
        for (parameter, code) in expected {
            let error = ParameterRules.emptyValue(parameter: parameter)
            XCTAssertEqual(error.code, code, parameter)
            XCTAssertEqual(error.parameter, parameter)
            XCTAssertEqual(error.httpStatus, 400, parameter)
            XCTAssertTrue(error.message.hasPrefix("\(parameter) \"\": must not be empty"), error.message)
        }
    }

    func testDescriptionTable() {
        assertRule(
            ImageRules.description, parameter: "Description",
            accepts: [
                "ab", "testDescription", repeated("x", 256), repeated("测", 256), repeated("😀", 256), "é!",
                "😀😀", "see http://example.com", "a https://x", "http:/x", "httpx", "HTTP:x", "line\nbreak",
                "  spaced  ", "1 starts with a digit", repeated("é", 128) + repeated("x", 128),
            ],
            rejects: [
                "", "a", "é", "测", "😀", repeated("x", 257), repeated("测", 257), repeated("😀", 257),
                repeated("é", 257), "http://x", "https://x", "HTTP://x", "Https://abc", "hTtP://",
            ].map { ($0, "InvalidDescription.Malformed") })
        XCTAssertTrue(
            ImageRules.description(repeated("测", 257))?.message.contains("(it has 257)") ?? false)
        XCTAssertTrue(
            ImageRules.description("é")?.message.contains("must be 2 to 256 characters long (it has 1)") ?? false)
        XCTAssertTrue(
            ImageRules.description("https://x")?.message.contains("must not start with \"http://\" or \"https://\"")
                ?? false)
    }

    func testBootMode() {
        assertRule(
            ImageRules.bootMode, parameter: "BootMode", accepts: ["BIOS", "UEFI", "UEFI-Preferred"],
            rejects: ["", "bios", "Bios", "uefi", "UEFI-preferred", "UEFI_Preferred", " BIOS", "BIOS ", "Legacy"]
                .map { ($0, "InvalidBootMode.NotSupport") })
    }

    func testLicenseType() {
        assertRule(
            ImageRules.licenseType, parameter: "LicenseType", accepts: ["BYOL"],
            rejects: ["", "byol", "Auto", "Aliyun", "BYOL "].map { ($0, "InvalidLicenseType.NotSupported") })
    }

    func testModifyStatus() {
        assertRule(
            ImageRules.modifyStatus, parameter: "Status", accepts: ["Deprecated", "Available"],
            rejects: ["", "deprecated", "available", "Creating", "UnAvailable", "ALL"].map { ($0, "InvalidParameter") })
    }

    func testImdsSupport() {
        assertRule(
            ImageRules.imdsSupport, parameter: "Features.ImdsSupport", accepts: ["v1", "v2"],
            rejects: ["", "V1", "V2", "v3", "1", "v1,v2"].map { ($0, "InvalidParameter.FeaturesImdsSupport") })
    }

    func testNvmeSupport() {
        assertRule(
            ImageRules.nvmeSupport, parameter: "Features.NvmeSupport", accepts: ["supported", "unsupported"],
            rejects: ["", "Supported", "UNSUPPORTED", "auto", "true"].map { ($0, "InvalidParameter") })
    }

    func testImageStatusFilterAcceptsEveryStatusAloneAndInLists() {
        let statuses = ["Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated"]
        XCTAssertEqual(ImageRules.imageStatuses, statuses)
        assertRule(
            ImageRules.imageStatusFilter, parameter: "Status",
            accepts: statuses + ["ALL", "Available,Deprecated", statuses.joined(separator: ","), "Creating,ALL"],
            rejects: [
                "", "available", "All", "all", "Available,", ",Available", "Available,,Deprecated",
                "Available, Deprecated", "Available;Deprecated", "Unavailable", "Failed", " Available",
            ].map { ($0, "InvalidParameter") })
        XCTAssertTrue(
            ImageRules.imageStatusFilter("Available,Bogus")?.message.contains("\"Bogus\" is not one") ?? false)
        XCTAssertTrue(ImageRules.imageStatusFilter("Available,")?.message.contains("an empty item") ?? false)
    }

    func testImageOwnerAlias() {
        assertRule(
            ImageRules.imageOwnerAlias, parameter: "ImageOwnerAlias",
            accepts: ["system", "self", "others", "marketplace"],
            rejects: ["", "System", "SELF", "public", "other"].map { ($0, "InvalidImageOwnerAlias.ValueNotSupported") })
    }

    func testOSType() {
        assertRule(
            ImageRules.osType, parameter: "OSType", accepts: ["windows", "linux"],
            rejects: ["", "Windows", "Linux", "macos", "unix"].map { ($0, "InvalidOSType") })
        XCTAssertEqual(ImageRules.osType("bsd")?.httpStatus, 404)
    }

    func testArchitecture() {
        assertRule(
            ImageRules.architecture, parameter: "Architecture", accepts: ["i386", "x86_64", "arm64"],
            rejects: ["", "x86", "X86_64", "aarch64", "ARM64", "amd64"].map { ($0, "InvalidArchitecture") })
    }

    func testUsage() {
        assertRule(
            ImageRules.usage, parameter: "Usage", accepts: ["instance", "none"],
            rejects: ["", "Instance", "disk"].map { ($0, "InvalidUsage") })
    }

    func testRegionIdFormat() {
        assertRule(
            ImageRules.regionId, parameter: "RegionId",
            accepts: ["cn-hangzhou", "ap-southeast-1", "us-west-1", "cn-shanghai-finance-1", "eu-central-1", "a",
                      repeated("a", 64)],
            rejects: [
                "", "CN-hangzhou", "cn_hangzhou", "1cn", "-cn", "cn-", "cn hangzhou", " cn-hangzhou", "cn-hangzhou\n",
                repeated("a", 65), "cn-杭州", "cn-hangzhou\u{FFFD}",
            ].map { ($0, "InvalidRegionId.MalFormed") })
    }

    func testImageIdFormat() {
        assertRule(
            ImageRules.imageId, parameter: "ImageId",
            accepts: ["m-bp18ygjuqnwhechc****", "ubuntu_22_04_x64_20G_alibase_20230515.vhd", "m", "镜像",
                      repeated("m", 128)],
            rejects: ["", " m-1", "m-1 ", "m-1\n", "m-\u{0}", "m-\u{FFFD}", "m-\u{85}", repeated("m", 129),
                      repeated("镜", 129)]
                .map { ($0, "InvalidImageId.Malformed") })
    }

    func testBooleansAcceptExactlyFourSpellings() {
        for value in ["true", "false", "True", "False"] {
            XCTAssertNil(ParameterRules.boolean(value, parameter: "DryRun"), value)
        }
        for value in ["", "TRUE", "FALSE", "1", "0", "yes", "no", "t", " true", "true "] {
            let error = ParameterRules.boolean(value, parameter: "DryRun")
            XCTAssertEqual(error?.code, "InvalidParameter", value)
            XCTAssertEqual(error?.parameter, "DryRun", value)
        }
    }

    func testIntegerParsing() {
        XCTAssertEqual(ParameterRules.parseInteger("0"), 0)
        XCTAssertEqual(ParameterRules.parseInteger("+7"), 7)
        XCTAssertEqual(ParameterRules.parseInteger("-12"), -12)
        XCTAssertEqual(ParameterRules.parseInteger("007"), 7)
        XCTAssertEqual(ParameterRules.parseInteger("99999999999999999999999"), Int.max)
        XCTAssertEqual(ParameterRules.parseInteger("-99999999999999999999999"), Int.min)
        XCTAssertEqual(ParameterRules.parseInteger("9223372036854775807"), Int.max)
        for bad in ["", "-", "+", "1.5", "1e3", " 1", "1 ", "0x10", "١"] {
            XCTAssertNil(ParameterRules.parseInteger(bad), bad)
        }
    }

    func testIntegerRangeMessages() {
        XCTAssertEqual(
            ParameterRules.integer("101", parameter: "PageSize", in: 1...100)?.message,
            "PageSize \"101\": must be between 1 and 100.")
        XCTAssertEqual(
            ParameterRules.integer("0", parameter: "PageNumber", in: 1...Int.max)?.message,
            "PageNumber \"0\": must be at least 1.")
        XCTAssertEqual(
            ParameterRules.integer("ten", parameter: "PageSize", in: 1...100)?.message,
            "PageSize \"ten\": must be an integer.")
    }

    func testAccountIds() {
        XCTAssertNil(ParameterRules.accountId("1234567890123456", parameter: "AddAccount.1"))
        XCTAssertNil(ParameterRules.accountId(repeated("1", 32), parameter: "AddAccount.1"))
        for bad in ["", "12ab", "-1", " 1", repeated("1", 33), "１２"] {
            XCTAssertEqual(ParameterRules.accountId(bad, parameter: "AddAccount.1")?.code, "InvalidParameter", bad)
        }
    }
}
