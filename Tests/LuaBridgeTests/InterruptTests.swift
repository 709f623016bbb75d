import Foundation
import XCTest
@testable import LuaBridge

final class InterruptTests: XCTestCase {
    override func tearDown() { LuaInterrupt.clear() }

    func testInfiniteLoopIsInterrupted() throws {
        let state = try LuaState()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { LuaInterrupt.request() }
        XCTAssertThrowsError(try state.run("while true do end")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("interrupted!"), "\(error)")
        }
        LuaInterrupt.clear()
        XCTAssertEqual(try state.run("return 1"), [.integer(1)], "the state stays usable after an interrupt")
    }

    func testPcallInsideTheLoopCannotSwallowTheInterrupt() throws {
        let state = try LuaState()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { LuaInterrupt.request() }
        XCTAssertThrowsError(try state.run("while true do pcall(function() for i = 1, 1e9 do end end) end")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("interrupted!"))
        }
    }

    func testInstructionBudget() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        XCTAssertThrowsError(try state.run("while true do end")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("instruction budget exhausted"))
        }
        state.setInstructionBudget(nil)
        XCTAssertEqual(try state.run("local s = 0; for i = 1, 1e6 do s = s + 1 end; return s"), [.integer(1_000_000)])
    }

    func testMemoryCapStopsRunawayAllocation() throws {
        let state = try LuaState(memoryLimit: 8 << 20)
        XCTAssertThrowsError(try state.run("local t = {}; for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end")) { error in
            XCTAssertEqual((error as! LuaError).message, "not enough memory")
        }
        state.collectGarbage()
        XCTAssertEqual(try state.run("return 1 + 1"), [.integer(2)])
    }
}
