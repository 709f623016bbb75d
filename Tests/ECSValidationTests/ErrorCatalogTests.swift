import ECSValidation
import XCTest

final class ErrorCatalogTests: XCTestCase {
    /// The error table of modify-image-attribute.md, with the page's English messages.
    private let documented: [(String, Int, String)] = [
        ("InvalidImageName.Malformed", 400, "Image names must be between 2 and 128 characters long, using either English or Chinese characters. The name must start with a letter or a Chinese character, and can include numbers, colons, underscores and hyphens."),
        ("MissingParameter", 400, "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied."),
        ("InvalidImageName.Duplicated", 400, "The specified Image name has already bean used."),
        ("InvalidDescription.Malformed", 400, "The specified description is wrongly formed."),
        ("ImageQuotaFull.ImageFamily", 400, "The specified image family has exceeded max number of images for one image family."),
        ("InvalidImageFamily.Malformed", 400, "The specified parameter \"ImageFamily\" is malformed."),
        ("ImageFamilyQuotaFull", 400, "The specified region has exceeded max number of image family."),
        ("InvalidBootMode.NotSupport", 400, "The specified parameter BootMode is not supported."),
        ("InvalidLicenseType.NotSupported", 400, "The specified parameter LicenseType is not supported."),
        ("InvalidParameter.FeaturesImdsSupport", 400, "The specified parameter Features.ImdsSupport is not supported."),
        ("ImageStatus.NotAvailable", 403, "The specified image status is not available."),
        ("ImageStatus.NotDeprecated", 403, "The specified image status is not deprecated."),
        ("ImageUseShared", 403, "The specified image has been shared to others, please remove shared accounts first."),
        ("OperationDeined.ImageUsingByInstance", 403, "The boot mode of the image cannot be modified because it has associated instances."),
        ("InvalidOperation.FeaturesImdsSupportNotMatch", 403, "The specified parameter Features.ImdsSupport can not be set to v1 from v2."),
        ("InvalidStatus.ImageIsCreating", 403, "The operation cannot be performed because the image is creating. Please wait until the creation is complete and try again."),
        ("InvalidImageId.NotFound", 404, "The specified ImageId does not exist."),
    ]

    /// The global codes of modify-image-attribute.md with their statuses.
    private let global: [(String, Int)] = [
        ("SignatureDoesNotMatch", 400), ("IncompleteSignature", 400), ("InvalidAccessKeyId.NotFound", 404),
        ("InvalidTimeStamp.Expired", 400), ("SignatureNonceUsed", 400), ("Forbidden.RAM", 403),
        ("Throttling.User", 400), ("InvalidParameter", 400), ("InvalidRegionId.MalFormed", 400),
        ("InvalidRegionId.NotFound", 404), ("InvalidAction.NotFound", 404), ("DryRunOperation", 400),
        ("ServiceUnavailable", 503), ("InternalError", 500),
    ]

    func testDocumentedCodesHaveTheirStatusAndVerbatimMessage() {
        XCTAssertEqual(ErrorCatalog.modifyImageAttributeEntries.map(\.code), documented.map(\.0))
        for (code, status, message) in documented {
            XCTAssertEqual(ErrorCatalog.httpStatus(for: code), status, code)
            XCTAssertEqual(ErrorCatalog.message(for: code), message, code)
            XCTAssertEqual(ErrorCatalog.entry(for: code), ErrorCatalog.Entry(code: code, httpStatus: status, message: message))
        }
    }

    func testGlobalCodesHaveTheirStatusAndAMessage() {
        for (code, status) in global {
            XCTAssertEqual(ErrorCatalog.httpStatus(for: code), status, code)
            XCTAssertFalse(ErrorCatalog.message(for: code)?.isEmpty ?? true, code)
        }
    }

    func testCodesAreUniqueAndWellFormed() {
        let codes = ErrorCatalog.entries.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count, "duplicate codes")
        for entry in ErrorCatalog.entries {
            XCTAssertFalse(entry.message.isEmpty, entry.code)
            XCTAssertTrue([400, 403, 404, 500, 503].contains(entry.httpStatus), entry.code)
            XCTAssertNil(entry.code.first(where: { $0 == " " }), entry.code)
        }
    }

    func testUnknownCodes() {
        XCTAssertEqual(ErrorCatalog.httpStatus(for: "NoSuch.Code"), 400)
        XCTAssertEqual(ErrorCatalog.defaultHTTPStatus, 400)
        XCTAssertNil(ErrorCatalog.message(for: "NoSuch.Code"))
        XCTAssertNil(ErrorCatalog.entry(for: "invalidimagename.malformed"), "codes are case-sensitive")
    }

    /// One input per code the validator can give; every one must be in the catalog with its status.
    func testEveryValidatorCodeIsReachableAndCatalogued() {
        let r = ["RegionId": "cn-hangzhou"]
        let ri = ["RegionId": "cn-hangzhou", "ImageId": "m-1"]
        func plus(_ base: [String: String], _ extra: [String: String]) -> [String: String] {
            base.merging(extra) { $1 }
        }
        let inputs: [(String, [String: String], String)] = [
            ("ModifyImageAttribute", [:], "MissingParameter"),
            ("ModifyImageAttribute", ["RegionId": "x_y", "ImageId": "m-1"], "InvalidRegionId.MalFormed"),
            ("ModifyImageAttribute", ["RegionId": "cn-hangzhou", "ImageId": " "], "InvalidImageId.Malformed"),
            ("ModifyImageAttribute", plus(ri, ["ImageName": "acs:x"]), "InvalidImageName.Malformed"),
            ("ModifyImageAttribute", plus(ri, ["Description": "h"]), "InvalidDescription.Malformed"),
            ("ModifyImageAttribute", plus(ri, ["ImageFamily": "f"]), "InvalidImageFamily.Malformed"),
            ("ModifyImageAttribute", plus(ri, ["BootMode": "EFI"]), "InvalidBootMode.NotSupport"),
            ("ModifyImageAttribute", plus(ri, ["LicenseType": "PAYG"]), "InvalidLicenseType.NotSupported"),
            ("ModifyImageAttribute", plus(ri, ["Features.ImdsSupport": "v0"]), "InvalidParameter.FeaturesImdsSupport"),
            ("ModifyImageAttribute", plus(ri, ["Status": "Gone"]), "InvalidParameter"),
            ("DescribeImages", plus(r, ["ImageOwnerAlias": "x"]), "InvalidImageOwnerAlias.ValueNotSupported"),
            ("DescribeImages", plus(r, ["OSType": "x"]), "InvalidOSType"),
            ("DescribeImages", plus(r, ["Architecture": "x"]), "InvalidArchitecture"),
            ("DescribeImages", plus(r, ["Usage": "x"]), "InvalidUsage"),
            ("DescribeImages", plus(r, ["Tag.1.Value": "x"]), "InvalidTag.Mismatch"),
            ("DescribeImages", plus(r, ["Tag.99.Key": "x"]), "InvalidTagCount"),
            ("DescribeImages", plus(r, ["Tag.1.Key": ""]), "InvalidTagKey.Malformed"),
            ("DescribeImages", plus(r, ["Tag.1.Key": "k", "Tag.1.Value": repeated("v", 200)]), "InvalidTagValue.Malformed"),
            ("DescribeImages", plus(r, ["Filter.1.Key": "x"]), "InvalidFilterKey.NotFound"),
            ("DescribeImages", plus(r, ["Filter.1.Key": "CreationEndTime", "Filter.1.Value": "x"]), "InvalidFilterValue"),
        ]
        var reached = Set<String>()
        for (action, parameters, code) in inputs {
            let error = RequestValidator.validate(action: action, parameters: parameters)
            XCTAssertEqual(error?.code, code, "\(action) \(parameters)")
            XCTAssertNotNil(ErrorCatalog.entry(for: code), code)
            XCTAssertEqual(error?.httpStatus, ErrorCatalog.httpStatus(for: code), code)
            reached.insert(code)
        }
        XCTAssertEqual(reached.count, 20)
    }
}
