import XCTest

@testable import ECSCore

final class SigningEncodingTests: XCTestCase {
    func testUnreservedCharactersStayLiteral() {
        let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
        XCTAssertEqual(PercentEncoding.encode(unreserved), unreserved)
        XCTAssertEqual(PercentEncoding.formEncode(unreserved), unreserved)
    }

    func testReservedAndSpecialCharacters() {
        XCTAssertEqual(PercentEncoding.encode("*~+/=%&"), "%2A~%2B%2F%3D%25%26")
        XCTAssertEqual(PercentEncoding.encode("a b"), "a%20b")
        XCTAssertEqual(PercentEncoding.formEncode("a b"), "a+b")
        XCTAssertEqual(PercentEncoding.formEncode("a+b"), "a%2Bb")
        XCTAssertEqual(PercentEncoding.encode(":?#[]@!$'(),;"), "%3A%3F%23%5B%5D%40%21%24%27%28%29%2C%3B")
        XCTAssertEqual(PercentEncoding.encode("\n\t\u{0}"), "%0A%09%00")
        XCTAssertEqual(PercentEncoding.encode(""), "")
        XCTAssertEqual(PercentEncoding.encode("\u{7F}"), "%7F")
    }

    func testMultibyteUTF8() {
        XCTAssertEqual(PercentEncoding.encode("中文"), "%E4%B8%AD%E6%96%87")
        XCTAssertEqual(PercentEncoding.encode("测试镜像"), "%E6%B5%8B%E8%AF%95%E9%95%9C%E5%83%8F")
        XCTAssertEqual(PercentEncoding.encode("😀"), "%F0%9F%98%80")
        XCTAssertEqual(PercentEncoding.encode("é"), "%C3%A9")
        // A decomposed é stays decomposed: encoding works on the bytes, never normalizes.
        XCTAssertEqual(PercentEncoding.encode("e\u{301}"), "e%CC%81")
    }

    func testDecodeStrict() {
        XCTAssertEqual(PercentEncoding.decode("%E4%B8%AD%e6%96%87", plusIsSpace: false), "中文")
        XCTAssertEqual(PercentEncoding.decode("a+b%20c", plusIsSpace: true), "a b c")
        XCTAssertEqual(PercentEncoding.decode("a+b", plusIsSpace: false), "a+b")
        XCTAssertEqual(PercentEncoding.decode("", plusIsSpace: true), "")
        XCTAssertNil(PercentEncoding.decode("100%", plusIsSpace: false))
        XCTAssertNil(PercentEncoding.decode("%4", plusIsSpace: false))
        XCTAssertNil(PercentEncoding.decode("%zz", plusIsSpace: false))
        XCTAssertNil(PercentEncoding.decode("%FF%FE", plusIsSpace: false), "not UTF-8")
        XCTAssertNil(PercentEncoding.decode("%E4%B8", plusIsSpace: false), "truncated UTF-8")
    }

    func testRoundTrip() {
        for s in ["", "plain", "a b+c", "*~+/=%&", "测试镜像 image*~v1", "😀 emoji", "desc with spaces & symbols: *~+/=% 中文"] {
            XCTAssertEqual(PercentEncoding.decode(PercentEncoding.encode(s), plusIsSpace: false), s)
            XCTAssertEqual(PercentEncoding.decode(PercentEncoding.formEncode(s), plusIsSpace: true), s)
            XCTAssertEqual(PercentEncoding.decode(PercentEncoding.encode(s), plusIsSpace: true), s)
        }
    }

    func testCanonicalQuerySortsByBytesAndKeepsEmptyValues() {
        XCTAssertEqual(CanonicalQuery.make([:]), "")
        XCTAssertEqual(
            CanonicalQuery.make(["Tag.2.Key": "b", "Tag.10.Key": "j", "Tag.1.Key": "a"]),
            "Tag.1.Key=a&Tag.10.Key=j&Tag.2.Key=b")
        XCTAssertEqual(CanonicalQuery.make(["b": "", "a": "x y", "B": "*"]), "B=%2A&a=x%20y&b=")
        XCTAssertEqual(CanonicalQuery.make(["团队": "😀", "Z": "~"]), "Z=~&%E5%9B%A2%E9%98%9F=%F0%9F%98%80")
        XCTAssertEqual(CanonicalQuery.make(["k": "a&b=c"]), "k=a%26b%3Dc")
    }

    func testEveryByteIsUnreservedExactlyWhenRFC3986SaysSo() {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)
        for byte in UInt8.min...UInt8.max {
            XCTAssertEqual(PercentEncoding.isUnreserved(byte), unreserved.contains(byte), "byte \(byte)")
        }
    }

    /// The signer's sort (integer keys of the first eight bytes, whole names on a tie; a library sort past 32
    /// names) against plain byte order, on names that share long prefixes, differ past byte eight, hold NUL
    /// or non-ASCII bytes, and one that is a prefix of another.
    func testSortedPairsFollowByteOrderAtEverySize() {
        let pieces = ["Tag.", "1", "10", "2", "Key", "Features.", "ImdsSupport", "NvmeSupport", "a", "\u{0}", "é", "Z", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func nextPiece() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return pieces[Int(state >> 33) % pieces.count]
        }
        for count in 0...40 {
            var parameters: [String: String] = [:]
            while parameters.count < count {
                let name = (0..<4).map { _ in nextPiece() }.joined()
                parameters[name] = "v"
            }
            let sorted = CanonicalQuery.sortedPairs(parameters).map(\.name)
            let expected = parameters.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            XCTAssertEqual(sorted, expected, "\(count) names")
        }
    }

    func testWireQueryParse() {
        XCTAssertEqual(WireQuery.parse(""), [:])
        XCTAssertEqual(WireQuery.parse("a=1&b=x+y&c=x%20y"), ["a": "1", "b": "x y", "c": "x y"])
        XCTAssertEqual(WireQuery.parse("plus=%2B&amp=%26&eq=a=b"), ["plus": "+", "amp": "&", "eq": "a=b"])
        XCTAssertEqual(WireQuery.parse("bare&empty=&&=v"), ["bare": "", "empty": "", "": "v"])
        XCTAssertEqual(WireQuery.parse("k=1&k=2"), ["k": "2"], "last value wins")
        XCTAssertEqual(WireQuery.parse("bad=100%&worse=%zz&short=%4&ok=%41"),
                       ["bad": "100%", "worse": "%zz", "short": "%4", "ok": "A"])
        XCTAssertEqual(WireQuery.parse("cjk=%E4%B8%AD%E6%96%87&raw=中文"), ["cjk": "中文", "raw": "中文"])
        XCTAssertEqual(WireQuery.parse("Tag.1.Key=%E5%9B%A2%E9%98%9F&x%2By=1"), ["Tag.1.Key": "团队", "x+y": "1"])
        XCTAssertEqual(WireQuery.parse("broken=%FF"), ["broken": "\u{FFFD}"])
    }

    func testWireQueryMake() {
        XCTAssertEqual(WireQuery.make([:]), "")
        XCTAssertEqual(WireQuery.make(["b": "x y", "a": "1+1", "c": ""]), "a=1%2B1&b=x+y&c=")
        XCTAssertEqual(WireQuery.make(pairs: [("z", "1"), ("a", "2 3")]), "z=1&a=2+3")
        let params = ["Description": "desc with spaces & symbols: *~+/=% 中文", "Empty": "", "Emoji": "😀"]
        XCTAssertEqual(WireQuery.parse(WireQuery.make(params)), params)
    }

    func testWireQueryIsTheCanonicalQueryWithSpacesAsPlus() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ9 -_.~*+/=%&:?#中😀é\u{20}%20%2")
        for _ in 0..<300 {
            var params: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let key = String((0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                let value = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                params[key] = value
            }
            // Every `%` of canonical output opens an escape, so `%20` can only stand for a space.
            XCTAssertEqual(CanonicalQuery.make(params).replacingOccurrences(of: "%20", with: "+"), WireQuery.make(params))
            XCTAssertEqual(WireQuery.parse(WireQuery.make(params)), params)
        }
        XCTAssertEqual(WireQuery.make(["a": "%20 "]), "a=%2520+")
    }

    func testFlattener() {
        let flat = ParameterFlattener.flatten([
            "ImageId": "m-1",
            "Features": ["ImdsSupport": "v2", "NvmeSupport": "supported"],
            "Tag": [["Key": "env", "Value": "prod"], ["Key": "团队", "Value": "a&b"]],
            "AddAccount": ["111", "222"],
            "DryRun": false,
            "PageSize": 50,
            "Ratio": 1.5,
            "Whole": .double(3),
            "Empty": [],
            "Nested": ["Deep": ["Deeper": [true]]],
            "Blank": "",
        ])
        XCTAssertEqual(
            flat,
            [
                "ImageId": "m-1", "Features.ImdsSupport": "v2", "Features.NvmeSupport": "supported",
                "Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "团队", "Tag.2.Value": "a&b",
                "AddAccount.1": "111", "AddAccount.2": "222", "DryRun": "false", "PageSize": "50", "Ratio": "1.5",
                "Whole": "3", "Nested.Deep.Deeper.1": "true", "Blank": "",
            ])
        XCTAssertEqual(ParameterFlattener.flatten([:]), [:])
        XCTAssertEqual(ParameterFlattener.flatten(["L": .list((1...11).map { .int(Int64($0)) })]).count, 11)
        XCTAssertEqual(ParameterFlattener.flatten(["L": .list((1...11).map { .int(Int64($0)) })])["L.10"], "10")
        XCTAssertEqual(ParameterFlattener.scalarText(.int(-7)), "-7")
        XCTAssertEqual(ParameterFlattener.scalarText(.bool(true)), "true")
        XCTAssertEqual(ParameterFlattener.scalarText(.double(-0.25)), "-0.25")
        XCTAssertNil(ParameterFlattener.scalarText(.list([])))
    }

    func testAuthorizationParsingRejectsMalformedHeaders() {
        XCTAssertNil(ACS3Signer.parseAuthorization(""))
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256"))
        XCTAssertNil(ACS3Signer.parseAuthorization("HMAC Credential=a,SignedHeaders=host,Signature=00"))
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host"))
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=00"))
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host;;x,Signature=00"))
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a,Bogus=1,SignedHeaders=h,Signature=00"))
        let parsed = ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a, SignedHeaders=host;x-acs-date, Signature=ff")
        XCTAssertEqual(parsed?.accessKeyId, "a")
        XCTAssertEqual(parsed?.signedHeaders, ["host", "x-acs-date"])
        XCTAssertEqual(parsed?.signature, "ff")
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=ff,"), "empty field")
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a,=x,SignedHeaders=host,Signature=ff"), "empty name")
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 Credential=a, \t ,SignedHeaders=host,Signature=ff"), "blank field")
        XCTAssertNil(ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 credential=a,SignedHeaders=host,Signature=ff"), "names are case-sensitive")
        let spaced = ACS3Signer.parseAuthorization("ACS3-HMAC-SHA256 \tCredential=密钥\r\n,SignedHeaders=host ,Signature=a=b")
        XCTAssertEqual(spaced?.accessKeyId, "密钥")
        XCTAssertEqual(spaced?.signedHeaders, ["host"])
        XCTAssertEqual(spaced?.signature, "a=b", "the value runs from the first '='")
    }

    func testCanonicalHeadersLowercaseTrimAndSort() {
        let result = ACS3Signer.canonicalHeaders(["X-Acs-Date": "  2024  ", "Host": "h", "x-acs-action": "\tA\t"])
        XCTAssertEqual(result.canonical, "host:h\nx-acs-action:A\nx-acs-date:2024\n")
        XCTAssertEqual(result.signed, "host;x-acs-action;x-acs-date")
        XCTAssertEqual(ACS3Signer.canonicalHeaders([:]).canonical, "")
        // Trimmed byte by byte, as the one-pass signer trims: a CR LF pair (one Character) goes too.
        XCTAssertEqual(ACS3Signer.canonicalHeaders(["a": "\r\n v \r\n", "b": " \t\r\n"]).canonical, "a:v\nb:\n")
        XCTAssertEqual(ACS3Signer.hashedPayload(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
