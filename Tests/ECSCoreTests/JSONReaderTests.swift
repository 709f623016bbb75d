import Foundation
import XCTest

@testable import ECSCore

/// JSONReader against Foundation's JSONDecoder (through JSONValue's Codable conformance), the reference.
final class JSONReaderTests: XCTestCase {
    private func reference(_ text: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text))
    }

    private func assertAgrees(_ text: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let read = try? JSONReader.parse(Data(text))
        let expected = reference(text)
        XCTAssertEqual(read, expected, "\(String(decoding: text, as: UTF8.self).debugDescription)", file: file, line: line)
    }

    func testAcceptsWhatTheDecoderAcceptsWithTheSameValues() throws {
        let texts = [
            #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, " \t\r\n[ 1 , 2 ]\n ", #""""#, "{}", "[]", "[[]]", "0",
            "-0", "1e2", "2.0", "-2.50", "1.5e-3", "1E+2", "-9223372036854775808", "9223372036854775807",
            "9223372036854775808", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
            "1e308", "4.9e-324", "-1e-320", "0.1", "9007199254740993", "1e18", "9.2e18", "-9.3e18",
            #""\"\\\/\b\f\n\r\t""#, #""\u0041\u00e9\u4e2d\ud83d\ude00""#, #""\u0000""#, #""é中😀""#,
            #"{"dup":1,"dup":2}"#, #"{"":0}"#, #"["a\u0022b"]"#, "true", "false", "null",
            #"{"Images":{"Image":[{"ImageId":"m-1","Size":40,"IsPublic":false,"Progress":"100%"}]},"TotalCount":1}"#,
        ]
        for text in texts { assertAgrees(Array(text.utf8)) }
        XCTAssertEqual(try JSONReader.parse(Data("9223372036854775808".utf8)), .double(9223372036854775808))
        XCTAssertEqual(try JSONReader.parse(Data("-0".utf8)), .int(0))
        XCTAssertEqual(try JSONReader.parse(Data("1e2".utf8)), .int(100))
        XCTAssertEqual(try JSONReader.parse(Data("0.5".utf8)), .double(0.5))
        XCTAssertEqual(try JSONReader.parse(Data(#"{"dup":1,"dup":2}"#.utf8)), ["dup": 1], "the first wins, as in JSONDecoder")
        XCTAssertEqual(try JSONReader.parse(Data(#""\ud83d\ude00""#.utf8)), "😀")
    }

    func testRefusesWhatTheDecoderRefuses() {
        // JSONDecoder also takes a trailing comma; the reader keeps to RFC 8259 there.
        for text in ["[1,]", #"{"a":1,}"#, "[1,,]"] { XCTAssertNil(try? JSONReader.parse(Data(text.utf8)), text) }
        let texts = [
            "", " ", "01", "-", "1.", ".5", "1e", "1e+", "+1", "NaN", "Infinity", "-Infinity",
            #""abc"#, "\"a\u{01}b\"", #""\x""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\u12""#, "1 2",
            "tru", "nul", "[1 2]", #"{"a" 1}"#, #"{a:1}"#, "{", "[", "]", "}", "1e400", "-1e400", "[1]]", "//",
            "'a'", #"{"a":1}x"#,
        ]
        for text in texts {
            XCTAssertNil(try? JSONReader.parse(Data(text.utf8)), text.debugDescription)
            XCTAssertNil(reference(Array(text.utf8)), "the reference accepts \(text.debugDescription)")
        }
        for invalid: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            XCTAssertNil(try? JSONReader.parse(Data(invalid)), "\(invalid)")
            XCTAssertNil(reference(invalid))
        }
    }

    func testNestingIsBoundedLikeTheDecoder() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 600) + Array(repeating: UInt8(ascii: "]"), count: 600)
        XCTAssertNil(try? JSONReader.parse(Data(deep)))
        let fine = Array(repeating: UInt8(ascii: "["), count: 100) + Array(repeating: UInt8(ascii: "]"), count: 100)
        assertAgrees(fine)
    }

    /// Random documents, written with random whitespace and random `\u` escapes, read back by both.
    func testRandomDocumentsReadLikeTheDecoder() throws {
        var seeded = LinearCongruential(seed: 42)
        for _ in 0..<300 {
            let value = randomValue(depth: 0, using: &seeded)
            var text: [UInt8] = []
            write(value, to: &text, using: &seeded)
            assertAgrees(text)
            XCTAssertEqual(try JSONReader.parse(Data(text)), value)
        }
    }

    private func randomValue(depth: Int, using g: inout LinearCongruential) -> JSONValue {
        switch g.next(below: depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(g.next(below: 2) == 0)
        case 2: return .int(Int64(bitPattern: g.raw()) >> Int64(g.next(below: 64)))
        case 3: return .double(Double(2 * (Int64(g.next(below: 2_000_001)) - 1_000_000) + 1) / 128)
        case 4:
            let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\u{01}", "é", "中", "😀", "\u{7F}", "\u{2028}"]
            return .string((0..<g.next(below: 6)).map { _ in pieces[g.next(below: pieces.count)] }.joined())
        case 5: return .array((0..<g.next(below: 4)).map { _ in randomValue(depth: depth + 1, using: &g) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<g.next(below: 4) { members["k\(index)\(g.next(below: 3) == 0 ? "é" : "")"] = randomValue(depth: depth + 1, using: &g) }
            return .object(members)
        }
    }

    private func write(_ value: JSONValue, to out: inout [UInt8], using g: inout LinearCongruential) {
        func space() { for _ in 0..<g.next(below: 3) { out.append([0x20, 0x0A, 0x09, 0x0D][g.next(below: 4)]) } }
        space()
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .double(let d): out += Array("\(d)".utf8)
        case .string(let s): writeString(s, to: &out, using: &g)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out, using: &g)
            }
            space()
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (name, member)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                space()
                writeString(name, to: &out, using: &g)
                space()
                out.append(UInt8(ascii: ":"))
                write(member, to: &out, using: &g)
            }
            space()
            out.append(UInt8(ascii: "}"))
        }
        space()
    }

    private func writeString(_ s: String, to out: inout [UInt8], using g: inout LinearCongruential) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            if mustEscape || g.next(below: 4) == 0 {
                for unit in String(scalar).utf16 { out += Array(String(format: "\\u%04x", unit).utf8) }
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A tiny seeded generator so the random documents repeat run after run.
private struct LinearCongruential {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func raw() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }

    mutating func next(below bound: Int) -> Int { Int(raw() % UInt64(bound)) }
}
