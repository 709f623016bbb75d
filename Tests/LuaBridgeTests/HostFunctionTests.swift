import XCTest
@testable import LuaBridge

/// Counts live instances, to prove no Swift frame is skipped by a longjmp.
final class Tracked {
    nonisolated(unsafe) static var live = 0
    init() { Tracked.live += 1 }
    deinit { Tracked.live -= 1 }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
}

/// An error that appears in Lua as a table with fields and `__tostring`.
struct TableError: LuaErrorConvertible {
    let code: String
    func pushLuaError(_ call: LuaCall) {
        call.pushTable()
        call.push(code)
        call.setField(of: -2, "code")
        call.pushTable()
        call.pushFunction { c in
            c.pushField(of: 1, "code")
            let code = c.string(at: -1) ?? "?"
            c.push("E(" + code + ")")
            return .values(1)
        }
        call.setField(of: -2, "__tostring")
        call.setMetatable(of: -2)
    }
}

final class HostFunctionTests: XCTestCase {
    func testSwiftFunctionReceivesArgumentsAndReturnsValues() throws {
        let state = try LuaState()
        state.setGlobal("add") { call in
            call.push((call.integer(at: 1) ?? 0) + (call.integer(at: 2) ?? 0))
            call.push("sum")
            return .values(2)
        }
        XCTAssertEqual(try state.run("return add(2, 40)"), [.integer(42), "sum"])
    }

    func testFailingHostFunctionsLeakNothing() throws {
        let state = try LuaState()
        state.setGlobal("fail") { _ in
            let object = Tracked()
            withExtendedLifetime(object) {}
            throw TestFailure(description: "boom")
        }
        let before = Tracked.live
        let results = try state.run("""
            local failures = 0
            for i = 1, 10000 do
              local ok, err = pcall(fail)
              if not ok and err == "boom" then failures = failures + 1 end
            end
            return failures
            """)
        XCTAssertEqual(results, [.integer(10000)])
        XCTAssertEqual(Tracked.live, before, "a Swift object outlived its failing call")
    }

    func testSwiftErrorBecomesLuaErrorWithTraceback() throws {
        let state = try LuaState()
        state.setGlobal("fail") { _ in throw TestFailure(description: "it broke") }
        XCTAssertThrowsError(try state.run("local function inner() fail() end\ninner()", name: "@script.lua")) { error in
            guard let e = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.message, "it broke")
            XCTAssertTrue(e.traceback?.contains("stack traceback:") == true, e.description)
            XCTAssertTrue(e.traceback?.contains("script.lua:1: in") == true, e.description)
        }
        XCTAssertEqual(state.stackTop, 0)
    }

    func testLuaErrorsCarryPositionAndTraceback() throws {
        let state = try LuaState()
        XCTAssertThrowsError(try state.run("local x = nil\nreturn x.y", name: "@t.lua")) { error in
            let e = error as! LuaError
            XCTAssertTrue(e.message.hasPrefix("t.lua:2: attempt to index a nil value"), e.message)
            XCTAssertNotNil(e.traceback)
        }
        XCTAssertThrowsError(try state.run("return 1 +", name: "=bad")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("<eof>"))
        }
    }

    func testConvertibleErrorIsATableWithToString() throws {
        let state = try LuaState()
        state.setGlobal("fail") { _ in throw TableError(code: "X.Y") }
        XCTAssertEqual(try state.run("local ok, e = pcall(fail); return type(e), e.code, tostring(e)"), ["table", "X.Y", "E(X.Y)"])
        XCTAssertThrowsError(try state.run("fail()")) { error in
            let e = error as! LuaError
            XCTAssertEqual(e.message, "E(X.Y)")
            XCTAssertEqual(e.value["code"], "X.Y")
        }
    }

    func testErrorObjectWithRaisingToStringDoesNotCrash() throws {
        let state = try LuaState()
        XCTAssertThrowsError(try state.run("error(setmetatable({}, {__tostring = function() error('nested') end}))")) { error in
            XCTAssertEqual((error as! LuaError).message, "(table value: its __tostring failed: chunk:1: nested)")
        }
    }

    func testEmptyChunksCompileAndReturnNothing() throws {
        let state = try LuaState()
        XCTAssertEqual(try state.run(""), [])
        try state.load([UInt8](), name: "=empty")
        XCTAssertEqual(try state.protectedCall(argumentCount: 0), 0)
        XCTAssertEqual(state.stackTop, 0)
    }

    func testLibraryRegistrationIsGlobalAndRequireable() throws {
        let state = try LuaState()
        try state.register(library: "demo", functions: ["one": { c in c.push(1); return .values(1) }], fields: ["version": "1.0"])
        XCTAssertEqual(try state.run("return demo.one(), demo.version, require('demo') == demo"), [.integer(1), "1.0", true])
    }

    func testHostFunctionsAreCollected() throws {
        final class Captured { nonisolated(unsafe) static var live = 0; init() { Captured.live += 1 }; deinit { Captured.live -= 1 } }
        do {
            let state = try LuaState()
            let captured = Captured()
            state.setGlobal("f") { _ in withExtendedLifetime(captured) {}; return .none }
            try state.run("f = nil")
            state.collectGarbage()
        }
        XCTAssertEqual(Captured.live, 0)
    }
}
