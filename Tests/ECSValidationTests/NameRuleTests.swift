import ECSValidation
import XCTest

final class NameRuleTests: XCTestCase {
    private let accepted = [
        "ab", "Ab", "a1", "testImageName", "hangzhou-daily-update", "a.b:c_d-e", "Z9", "测试", "测a",
        "a测", "镜像名称-v1.2", "㐀x", "䶿x", "一a", "鿿a", "x龥",
        "a" + repeated("b", 127), repeated("镜", 128), "a" + repeated("测", 127),
        "Aliyu", "acs", "acs_image", "aliyu-n", "xaliyun", "my-aliyun", "aacs:x", "ahttp", "a:http:x",
        "AliYu:n", "A:", "a-", "a_", "a.", "a:",
    ]

    private func rejected(_ code: String) -> [(value: String, code: String)] {
        [
            "", "a", "测", "1", "a" + repeated("b", 128), repeated("镜", 129), "a" + repeated("测", 128),
            "1abc", "9", "_abc", ".abc", "-abc", ":abc", " abc", "ab c", "ab ", "测 试", "\u{3000}ab",
            "aliyun", "aliyun-image", "ALIYUN", "AliYun1", "aLiYuNx", "acs:", "acs:foo", "ACS:foo", "AcS:foo",
            "ahttp://x", "a-https://x", "aHTTP://x", "ahTTps://x", "abc/def", "http://x", "https://x",
            "a😀", "😀a", "👍👍", "éa", "aé", "a\u{0301}b", "ａbc", "aｂc", "a,b", "a@b", "a#b", "a+b", "a=b",
            "ab\u{FFFD}", "\u{FFFD}ab", "ab\n", "ab\r", "ab\t", "a\u{0}b", "a\u{7F}b", "a\u{85}b",
            "a\u{200B}b", "a\u{FEFF}b", "Ωmega", "aΩ", "ab\u{20000}", "\u{20000}a", "가나",
            "あいう", "a'b", "a\"b", "a\\b",
        ].map { ($0, code) }
    }

    func testImageNameTable() {
        assertRule(
            ImageRules.imageName, parameter: "ImageName",
            accepts: accepted, rejects: rejected("InvalidImageName.Malformed"))
    }

    func testImageFamilyTable() {
        assertRule(
            ImageRules.imageFamily, parameter: "ImageFamily",
            accepts: accepted, rejects: rejected("InvalidImageFamily.Malformed"))
    }

    func testFamilyQueryAllowsSystemFamiliesButKeepsTheOtherClauses() {
        assertRule(
            ImageRules.imageFamilyQuery, parameter: "ImageFamily",
            accepts: accepted + ["acs:alibaba_cloud_linux_3_2104_lts_x64", "aliyun_2_1903", "ACS:x"],
            rejects: ["", "a", "1abc", "a b", "acs:http://x", "a😀"].map { ($0, "InvalidImageFamily.Malformed") })
    }

    func testLengthBoundariesCountUnicodeScalarsNotBytes() {
        // 128 CJK characters are 384 UTF-8 bytes and still a valid name.
        let cjk128 = repeated("测", 128)
        XCTAssertEqual(cjk128.utf8.count, 384)
        XCTAssertNil(ImageRules.imageName(cjk128))
        XCTAssertNil(ImageRules.imageName(repeated("a", 128)))
        XCTAssertNil(ImageRules.imageName(repeated("a", 2)))
        for bad in [repeated("a", 1), repeated("a", 129), repeated("测", 129), "测"] {
            let error = ImageRules.imageName(bad)
            XCTAssertEqual(error?.code, "InvalidImageName.Malformed")
            XCTAssertTrue(
                error?.message.contains("must be 2 to 128 characters long (it has \(bad.unicodeScalars.count))") ?? false,
                error?.message ?? "nil")
        }
    }

    func testEachClauseHasItsOwnMessage() {
        func message(_ value: String) -> String { ImageRules.imageName(value)?.message ?? "accepted" }
        XCTAssertTrue(message("1abc").contains("must start with an ASCII letter or a Chinese character, not \"1\" (U+0031)"), message("1abc"))
        XCTAssertTrue(message("AcS:foo").contains("must not start with \"aliyun\" or \"acs:\""), message("AcS:foo"))
        XCTAssertTrue(message("Aliyun-x").contains("must not start with \"aliyun\" or \"acs:\""), message("Aliyun-x"))
        XCTAssertTrue(message("ahTTps://x").contains("must not contain \"http://\" or \"https://\""), message("ahTTps://x"))
        XCTAssertTrue(message("ab c").contains("character 3 is \" \" (U+0020)"), message("ab c"))
        XCTAssertTrue(message("ab\u{FFFD}").contains("character 3 is U+FFFD"), message("ab\u{FFFD}"))
        XCTAssertTrue(message("a😀").contains("character 2 is \"😀\" (U+1F600)"), message("a😀"))
        XCTAssertTrue(message("ab\n").contains("character 3 is U+000A"), message("ab\n"))
        XCTAssertTrue(message("测试\u{0}").contains("character 3 is U+0000"), message("测试\u{0}"))
    }

    func testMessageNamesParameterRuleAndValue() {
        let error = ImageRules.imageName("1abc")
        XCTAssertEqual(
            error?.message,
            "ImageName \"1abc\": must start with an ASCII letter or a Chinese character, not \"1\" (U+0031).")
        XCTAssertEqual(
            error?.description,
            "InvalidImageName.Malformed: ImageName \"1abc\": must start with an ASCII letter or a Chinese character, not \"1\" (U+0031).")
    }
}
