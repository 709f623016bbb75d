import XCTest
@testable import LuaBridge

final class JSONModuleTests: XCTestCase {
    private func state() throws -> LuaState {
        let s = try LuaState()
        try JSONModule.register(in: s)
        return s
    }

    func testEncodeSortsKeysAndDecidesArrays() throws {
        let s = try state()
        XCTAssertEqual(try s.run("return json.encode({b = 1, a = {1, 2, 3}, c = {}, d = 'x\"y', e = 1.5, f = true})"),
                       [#"{"a":[1,2,3],"b":1,"c":{},"d":"x\"y","e":1.5,"f":true}"#])
        XCTAssertEqual(try s.run("return json.encode(json.array({})), json.encode({json.null, 2})"), ["[]", "[null,2]"])
        XCTAssertEqual(try s.run("return json.encode({a = {b = 1}}, {indent = 2})"), ["{\n  \"a\": {\n    \"b\": 1\n  }\n}"])
    }

    func testEncodeErrors() throws {
        let s = try state()
        let cases = [
            ("local t = {}; t.t = t; return json.encode(t)", "cycle"),
            ("return json.encode({x = 0/0})", "NaN at .x"),
            ("return json.encode(math.huge)", "infinity"),
            ("return json.encode({[1] = 1, [3] = 3})", "holes"),
            ("return json.encode({f = print})", "cannot encode a function value at .f"),
            ("return json.encode('\\xff')", "not valid UTF-8"),
        ]
        for (chunk, expected) in cases {
            XCTAssertThrowsError(try s.run(chunk), chunk) { error in
                XCTAssertTrue((error as! LuaError).message.contains(expected), "\(chunk): \(error)")
            }
        }
    }

    func testDecodeValuesNullAndIntegers() throws {
        let s = try state()
        XCTAssertEqual(try s.run(#"local v = json.decode('{"a":[1,2.5,null,"x"],"b":{"c":true}}'); return v.a[1], math.type(v.a[1]), v.a[2], v.a[3] == json.null, v.a[4], v.b.c, #v.a"#),
                       [.integer(1), "integer", .number(2.5), true, "x", true, .integer(4)])
        XCTAssertEqual(try s.run("return tostring(json.null)"), ["null"])
    }

    func testRoundTrip() throws {
        let s = try state()
        let text = #"{"Images":[{"ImageId":"m-1","Size":40,"Tags":[]}],"TotalCount":1,"名前":"世界"}"#
        XCTAssertEqual(try s.run("return json.encode(json.decode(...))", arguments: [.text(text)]),
                       [.text(text)], "an empty array stays an array")
    }

    /// An empty array decodes to a table marked as an array, so it encodes back as [] (it came back as {}).
    func testEmptyArraysSurviveARoundTrip() throws {
        let state = try self.state()
        XCTAssertEqual(try state.run(#"return json.encode(json.decode("[]"))"#), ["[]"])
        XCTAssertEqual(try state.run(#"return json.encode(json.decode('{"a":[],"b":{},"c":[[],[1]]}'))"#), [#"{"a":[],"b":{},"c":[[],[1]]}"#])
        XCTAssertEqual(try state.run(#"local t = json.decode("[]"); t[1] = 5; return json.encode(t), #t"#), ["[5]", .integer(1)])
        // Given a field, it is an object like any other table (it raised "array has holes").
        XCTAssertEqual(try state.run(#"local t = json.decode("[]"); t.x = 1; return json.encode(t)"#), [#"{"x":1}"#])
        XCTAssertThrowsError(try state.run("return json.encode(json.array({ [2] = 1 }))"), "holes in an array still raise")
    }

    func testDecodeErrorsNameTheByteOffset() throws {
        let s = try state()
        XCTAssertThrowsError(try s.run("return json.decode('{\"a\": 1,, }')")) { error in
            let m = (error as! LuaError).message
            XCTAssertTrue(m.hasPrefix("json.decode: "), m)
            XCTAssertTrue(m.contains("byte offset"), m)
        }
        XCTAssertThrowsError(try s.run("return json.decode('')")) { XCTAssertTrue(($0 as! LuaError).message.contains("offset 0")) }
        XCTAssertThrowsError(try s.run("return json.decode(42)")) { XCTAssertTrue(($0 as! LuaError).message.contains("string expected")) }
        XCTAssertThrowsError(try s.run("return json.decode(string.rep('[', 200) .. string.rep(']', 200))")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("json.decode"), "\(error)")
        }
    }
}
