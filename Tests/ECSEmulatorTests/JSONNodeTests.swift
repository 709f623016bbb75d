import Foundation
import Testing

@testable import ECSEmulator

/// JSONNode's text: plain strings copied whole, escapes where JSON needs them, field order kept.
@Suite struct JSONNodeTests {
    @Test func stringsAreCopiedOrEscaped() throws {
        let node = JSONNode.object([
            ("plain", .string("web-prod-v5 测试镜像 ✓")),
            ("escaped", .string("a\"b\\c\nd\re\tf\u{01}g")),
            ("list", .array([.int(-3), .bool(true), .null, .string("")])),
        ])
        let text = node.serialized()
        #expect(text == #"{"plain":"web-prod-v5 测试镜像 ✓","escaped":"a\"b\\c\nd\re\tf\u0001g","list":[-3,true,null,""]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["escaped"] as? String == "a\"b\\c\nd\re\tf\u{01}g")
        #expect(parsed["plain"] as? String == "web-prod-v5 测试镜像 ✓")
    }

    @Test func integersAndEveryControlCharacterRoundTrip() throws {
        let integers: [Int64] = [0, 7, -1, 10, -10, 1_234_567_890, .max, .min]
        #expect(JSONNode.array(integers.map { .int($0) }).serialized() == "[" + integers.map(String.init).joined(separator: ",") + "]")
        let controls = String(decoding: (0..<0x20).map { UInt8($0) } + Array("é\"\\/✓".utf8), as: UTF8.self)
        let long = String(repeating: "0123456789abcdef", count: 600) + controls  // grows the buffer past its start
        let text = JSONNode.object([("c", .string(controls)), ("long", .string(long))]).serialized()
        #expect(text.hasPrefix(#"{"c":"\u0000\u0001"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["c"] == controls)
        #expect(parsed["long"] == long)
    }
}
