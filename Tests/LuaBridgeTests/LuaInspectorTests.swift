import XCTest
@testable import LuaBridge

final class LuaInspectorTests: XCTestCase {
    private func render(_ chunk: String, _ configure: (inout LuaInspector) -> Void = { _ in }) throws -> String {
        let s = try LuaState()
        try s.load(chunk, name: "=t")
        try s.protectedCall(argumentCount: 0, resultCount: 1)
        var inspector = LuaInspector()
        configure(&inspector)
        defer { s.setStackTop(0) }
        return inspector.render(s.main, at: -1)
    }

    func testScalarsAndShortTables() throws {
        XCTAssertEqual(try render("return 'a\\nb'"), #""a\nb""#)
        XCTAssertEqual(try render("return {3, 2, 1}"), "{ 3, 2, 1 }")
        XCTAssertEqual(try render("return {b = 1, a = 'x', [10] = true, ['not id'] = 2}"), #"{ [10] = true, a = "x", b = 1, ["not id"] = 2 }"#)
    }

    /// After a hole every integer key is shown: { 1, 3 } for {1, nil, 3} claimed that t[2] == 3.
    func testArrayHolesKeepTheirKeys() throws {
        XCTAssertEqual(try render("return {1, nil, 3}"), "{ 1, [3] = 3 }")
        XCTAssertEqual(try render("local u = {1, 2, 3, 4, 5, 6} u[5] = nil return u"), "{ 1, 2, 3, 4, [6] = 6 }")
        XCTAssertEqual(try render("return { [0] = 0, [-1] = 9, 1, 2, [4] = 4, a = 1 }"), "{ [-1] = 9, [0] = 0, 1, 2, [4] = 4, a = 1 }")
        XCTAssertEqual(try render("return { [2] = 'b' }"), #"{ [2] = "b" }"#)
    }

    func testLongTablesBreakOverLinesAndNest() throws {
        let text = try render("return {Images = {{ImageId = string.rep('m', 40), ImageName = string.rep('n', 40)}}, RequestId = 'R'}")
        XCTAssertEqual(text, """
            {
              Images = {
                {
                  ImageId = "\(String(repeating: "m", count: 40))",
                  ImageName = "\(String(repeating: "n", count: 40))",
                },
              },
              RequestId = "R",
            }
            """)
    }

    func testCyclesDepthAndItemLimits() throws {
        XCTAssertEqual(try render("local t = {}; t.me = t; return t"), "{ me = <cycle> }")
        XCTAssertEqual(try render("return {{{{{{{1}}}}}}}") { $0.maximumDepth = 3 }, "{ { { {...} } } }")
        XCTAssertTrue(try render("local t = {}; for i = 1, 200 do t[i] = i end; return t") { $0.maximumItems = 5 }.contains("... (195 more)"))
    }

    func testToStringMetamethodAndInvalidUTF8() throws {
        XCTAssertEqual(try render("return setmetatable({}, {__tostring = function() return 'E!' end})"), "E!")
        XCTAssertEqual(try render("return '\\xff\\0ok'"), #""\xFF\0ok""#)
        // A __tostring that raises: the value says so (it read "(error object is a table value)").
        XCTAssertEqual(
            try render("return setmetatable({}, {__tostring = function() error('bad tostring') end})"),
            "(table value: its __tostring failed: t:1: bad tostring)")
    }
}
