import XCTest
@testable import LuaBridge

final class LuaValueConversionTests: XCTestCase {
    private func roundTrip(_ value: LuaValue, file: StaticString = #filePath, line: UInt = #line) throws {
        let state = try LuaState()
        try state.setGlobal("v", value)
        XCTAssertEqual(try state.global("v"), value, file: file, line: line)
        XCTAssertEqual(state.stackTop, 0, "stack must stay balanced", file: file, line: line)
    }

    func testScalarsRoundTrip() throws {
        try roundTrip(.nil)
        try roundTrip(true)
        try roundTrip(false)
        try roundTrip(.integer(Int64.max))
        try roundTrip(.integer(Int64.min))
        try roundTrip(.number(0.1))
        try roundTrip(.number(-1e300))
        try roundTrip("héllo 世界")
        try roundTrip("")
    }

    func testStringsKeepExactBytesIncludingInvalidUTF8AndNUL() throws {
        let bytes: [UInt8] = [0xff, 0x00, 0xc3, 0x28, 0x41, 0x00]
        try roundTrip(.string(bytes))
        let state = try LuaState()
        try state.setGlobal("s", .string(bytes))
        XCTAssertEqual(try state.run("return #s"), [.integer(6)])
        XCTAssertEqual(try state.run("return s:byte(1), s:byte(2)"), [.integer(255), .integer(0)])
    }

    func testExactStringRefusesBytesThatAreNotUTF8AndSaysWhere() throws {
        let state = try LuaState()
        var seen: [String] = []
        state.setGlobal("exact") { call in
            do {
                seen.append(try call.exactString(at: 1).map { "text " + $0 } ?? "not a string")
            } catch let invalid as InvalidUTF8 {
                seen.append("\(invalid)")
            }
            return .none
        }
        try state.run(#"exact("héllo 世界"); exact(""); exact("a\0b"); exact(42); exact("ok\xc3"); exact("\xff"); exact("ab\xe4\xb8x"); exact("\xed\xa0\x80")"#)
        XCTAssertEqual(seen, [
            "text héllo 世界", "text ", "text a\0b", "not a string", "byte 0xC3 at offset 2", "byte 0xFF at offset 0",
            "byte 0xE4 at offset 2", "byte 0xED at offset 0",
        ])
    }

    func testIntegersAndFloatsStayDistinct() throws {
        let state = try LuaState()
        XCTAssertEqual(try state.run("return 3, 3.0, math.type(3), 2^53"), [.integer(3), .number(3.0), "integer", .number(9007199254740992)])
    }

    func testNestedArraysAndMapsRoundTrip() throws {
        let value: LuaValue = .map([
            "Images": .array([.map(["ImageId": "m-1", "Size": 40]), .map(["ImageId": "m-2", "Tags": .array(["a", "b"])])]),
            "TotalCount": 2,
            "Empty": .table([]),
        ])
        try roundTrip(value)
    }

    func testLuaTablesReadAsArraysOnlyWhenKeysAreOneToN() throws {
        let state = try LuaState()
        XCTAssertEqual(try state.run("return {10, 20, 30}"), [.array([10, 20, 30])])
        let holes = try state.run("return {[1]=1, [3]=3}")
        guard case .table(let entries) = holes[0] else { return XCTFail("expected a table, got \(holes)") }
        XCTAssertEqual(entries.map(\.key), [.integer(1), .integer(3)])
        let mixed = try state.run("return {1, x = 2}")
        XCTAssertEqual(mixed[0]["x"], .integer(2))
    }

    func testCyclesAreDetected() throws {
        let state = try LuaState()
        try state.run("t = {}; t.self = t; u = {a = {}}; u.a.back = u")
        XCTAssertThrowsError(try state.global("t")) { XCTAssertEqual($0 as? LuaBridgeError, .cycle) }
        XCTAssertThrowsError(try state.global("u")) { XCTAssertEqual($0 as? LuaBridgeError, .cycle) }
        // A table referenced twice without a cycle is fine.
        try state.run("shared = {}; dag = {a = shared, b = shared}")
        XCTAssertEqual(try state.global("dag"), .map(["a": .table([]), "b": .table([])]))
        XCTAssertEqual(state.stackTop, 0)
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let state = try LuaState()
        try state.run("d = {}; local c = d; for i = 1, 10000 do c.x = {}; c = c.x end")
        XCTAssertThrowsError(try state.global("d")) { XCTAssertEqual($0 as? LuaBridgeError, .tooDeep(LuaCall.maximumDepth)) }
        XCTAssertEqual(state.stackTop, 0)
    }

    func testFunctionsAndUserdataReadAsOpaque() throws {
        let state = try LuaState()
        let v = try state.run("return print, io.stdout")
        guard case .opaque(let t1, let d1) = v[0], case .opaque(let t2, _) = v[1] else { return XCTFail("\(v)") }
        XCTAssertEqual(t1, "function")
        XCTAssertTrue(d1.hasPrefix("builtin") || d1.hasPrefix("function"))
        XCTAssertEqual(t2, "userdata")
    }

    func testFullUserdataBoxesASwiftObjectReleasedByGC() throws {
        final class Box { nonisolated(unsafe) static var live = 0; let n: Int; init(_ n: Int) { self.n = n; Box.live += 1 }; deinit { Box.live -= 1 } }
        let state = try LuaState()
        state.setGlobal("make") { call in
            call.push(object: Box(Int(call.integer(at: 1) ?? 0)), metatable: "test.box")
            return .values(1)
        }
        state.setGlobal("read") { call in
            guard let box = call.object(at: 1, metatable: "test.box") as? Box else { call.pushNil(); return .values(1) }
            call.push(box.n)
            return .values(1)
        }
        XCTAssertEqual(try state.run("local b = make(42); return read(b), read({})"), [.integer(42), .nil])
        try state.run("for i = 1, 100 do make(i) end")
        state.collectGarbage()
        state.collectGarbage()
        XCTAssertEqual(Box.live, 0)
    }

    func testLightUserdataRoundTrip() throws {
        let state = try LuaState()
        let pointer = UnsafeMutableRawPointer(bitPattern: 0x1234)
        state.main.push(lightUserdata: pointer)
        XCTAssertEqual(state.main.lightUserdata(at: -1), pointer)
        state.main.pop()
    }
}
