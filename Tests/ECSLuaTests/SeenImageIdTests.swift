import LuaBridge
import XCTest

@testable import ECSLua

/// The image ids the session has seen, which the REPL offers when completing a string.
final class SeenImageIdTests: ECSLuaTestCase {
    func testResponsesRecordTheImageIdsTheyShow() throws {
        XCTAssertEqual(lua.context.seenImageIds.matching("m-"), [])
        let ids = try lua.run("""
            local ids = {}
            for _, image in ipairs(ecs.describe_images{ ImageOwnerAlias = 'self', PageSize = 3 }.Images) do
              ids[#ids + 1] = image.ImageId
            end
            return table.concat(ids, ' ')
            """)
        guard let text = ids.first?.stringValue else { return XCTFail("no ids: \(ids)") }
        let shown = text.split(separator: " ").map(String.init).sorted()
        XCTAssertEqual(shown.count, 3)
        XCTAssertEqual(lua.context.seenImageIds.matching("m-"), shown)
        XCTAssertEqual(lua.context.seenImageIds.matching(shown[0]), [shown[0]])
        XCTAssertEqual(lua.context.seenImageIds.matching("x"), [])
    }

    func testTheRecordIsBounded() {
        let seen = SeenImageIds()
        for n in 0..<(SeenImageIds.capacity + 10) { seen.record("m-\(n)") }
        seen.record("m-\(SeenImageIds.capacity + 9)")
        XCTAssertEqual(seen.matching("m-").count, SeenImageIds.capacity)
        XCTAssertEqual(seen.matching("m-0"), [], "the oldest went first")
        XCTAssertEqual(seen.matching("m-\(SeenImageIds.capacity + 9)"), ["m-\(SeenImageIds.capacity + 9)"])
    }
}
