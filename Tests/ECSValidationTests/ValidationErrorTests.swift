import ECSValidation
import XCTest

final class ValidationErrorTests: XCTestCase {
    func testDescriptionIsCodeColonMessage() {
        let error = ValidationError(code: "InvalidImageName.Malformed", parameter: "ImageName", message: "bad")
        XCTAssertEqual(error.description, "InvalidImageName.Malformed: bad")
        XCTAssertEqual(String(describing: error), "InvalidImageName.Malformed: bad")
        XCTAssertEqual(error.httpStatus, 400)
        XCTAssertEqual(
            ValidationError(code: "InvalidImageId.NotFound", parameter: "ImageId", message: "m").httpStatus, 404)
        XCTAssertEqual(ValidationError(code: "X", parameter: "P", message: "m", httpStatus: 418).httpStatus, 418)
    }

    func testEquatable() {
        XCTAssertEqual(ImageRules.bootMode("x"), ImageRules.bootMode("x"))
        XCTAssertNotEqual(ImageRules.bootMode("x"), ImageRules.bootMode("y"))
    }

    func testErrorsCrossConcurrencyDomains() async {
        let error = await Task.detached { ImageRules.licenseType("PAYG") }.value
        XCTAssertEqual(error?.code, "InvalidLicenseType.NotSupported")
        let thrown: Error = ImageRules.licenseType("x")!
        XCTAssertTrue(thrown is ValidationError)
    }

    func testLongValuesAreTruncatedToSixtyFourCharacters() {
        let value = repeated("测", 300)
        let message = ImageRules.imageName(value)!.message
        XCTAssertEqual(message, "ImageName \"\(repeated("测", 64))…\" (300 characters): must be 2 to 128 characters long (it has 300).")
        let exactly64 = "1" + repeated("a", 63)
        XCTAssertTrue(ImageRules.imageName(exactly64)!.message.hasPrefix("ImageName \"\(exactly64)\": "))
        let sixtyFive = "1" + repeated("a", 64)
        XCTAssertTrue(
            ImageRules.imageName(sixtyFive)!.message.hasPrefix("ImageName \"1\(repeated("a", 63))…\" (65 characters): "))
    }

    func testValuesAreEscapedOntoOnePrintableLine() {
        let message = ImageRules.bootMode("a\"b\\c\nd\te\u{0}\u{FFFD}\u{7F}")!.message
        XCTAssertEqual(
            message,
            "BootMode \"a\\\"b\\\\c\\nd\\te\\u{0}\\u{FFFD}\\u{7F}\": must be one of BIOS, UEFI, UEFI-Preferred (case-sensitive).")
        XCTAssertFalse(message.contains("\n"))
    }

    func testEnumMessagesListTheAllowedValues() {
        XCTAssertEqual(
            ImageRules.imdsSupport("v3")?.message,
            "Features.ImdsSupport \"v3\": must be one of v1, v2 (case-sensitive).")
        XCTAssertEqual(
            ImageRules.licenseType("")?.message, "LicenseType \"\": must be one of BYOL (case-sensitive).")
    }
}
