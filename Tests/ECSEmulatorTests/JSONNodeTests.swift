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
}
