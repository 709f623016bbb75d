import XCTest

@testable import LuaBridge

/// Runs `chunk` in `state` and describes (as Swift does, through `__tostring`) the value it returns.
private func describedResult(of chunk: String, in state: LuaState) throws -> String {
    try state.load(chunk, name: "=t")
    try state.protectedCall(argumentCount: 0, resultCount: 1)
    defer { state.setStackTop(0) }
    return state.main.describe(at: -1)
}

/// A `__tostring` that Swift runs (converting a value, rendering it, describing an error) cannot crash the
/// process, escape the memory cap or the instruction budget, or hang it.
final class ToStringSafetyTests: XCTestCase {
    /// A table holding an opaque value whose __tostring empties and refills the table.
    static let mutatingTable = """
        local t = { x = io.stdout }
        getmetatable(io.stdout).__tostring = function()
          t.x = nil
          for i = 1, 100 do t["k" .. i] = i end
          return "stdout"
        end
        """

    /// Converting the table walked it with lua_next while __tostring ran between two steps: Lua raised
    /// "invalid key to 'next'" with no handler and the process aborted. The walk now reads a copy.
    func testConvertingATableWhoseToStringChangesItDoesNotAbort() throws {
        let state = try LuaState()
        let values = try state.run(Self.mutatingTable + "\nreturn t", name: "=t")
        guard case .table(let entries)? = values.first else { return XCTFail("\(values)") }
        XCTAssertEqual(entries.count, 1, "the pairs the table had when the conversion began")
        XCTAssertEqual(entries.first?.key, "x")
    }

    /// The REPL's pretty printer walked the same way.
    func testRenderingATableWhoseToStringChangesItDoesNotAbort() throws {
        let state = try LuaState()
        try state.load(Self.mutatingTable + "\nreturn t", name: "=t")
        try state.protectedCall(argumentCount: 0, resultCount: 1)
        defer { state.setStackTop(0) }
        XCTAssertEqual(LuaInspector().render(state.main, at: -1), "{ x = stdout }")
    }

    /// __tostring ran with the memory cap off: under an 8 MiB cap it allocated hundreds of MiB.
    func testToStringRunsUnderTheMemoryCap() throws {
        let state = try LuaState(memoryLimit: 8 << 20)
        let text = try describedResult(of: """
            return setmetatable({}, { __tostring = function()
              local t = {} for i = 1, 2e7 do t[i] = i end return "allocated"
            end })
            """, in: state)
        XCTAssertEqual(text, "(table value: its __tostring failed: not enough memory)")
        XCTAssertLessThan(state.memoryInUse, 8 << 20)
    }

    /// __tostring ran with every hook off: a loop in it hung the process, whatever --max-instructions said.
    func testToStringIsBoundedByTheBudgetAndByItsOwnLimit() throws {
        let looping = "return setmetatable({}, { __tostring = function() while true do end end })"
        let budgeted = try LuaState()
        budgeted.setInstructionBudget(100_000)
        XCTAssertEqual(try describedResult(of: looping, in: budgeted), "(table value: its __tostring failed: instruction budget exhausted)")
        XCTAssertEqual(
            try describedResult(of: looping, in: LuaState()),
            "(table value: its __tostring failed: __tostring ran more than 100 million instructions)")
    }
}

extension ToStringSafetyTests {
    /// A coroutine made inside a __tostring inherited its hook and, once that __tostring was over, failed
    /// its first instructions with "__tostring ran more than 100 million instructions".
    func testACoroutineMadeInsideToStringRunsNormallyAfterwards() throws {
        let state = try LuaState()
        let text = try describedResult(of: """
            local t = setmetatable({}, { __tostring = function()
              co = coroutine.create(function() local s = 0 for i = 1, 1e6 do s = s + i end return s end)
              return "t"
            end })
            return t
            """, in: state)
        XCTAssertEqual(text, "t")
        XCTAssertEqual(try state.run("return coroutine.resume(co)", name: "=r"), [.boolean(true), .integer(500_000_500_000)])
    }
}

/// The instruction budget (--max-instructions) cannot be swallowed by a pcall, and is counted per chunk.
final class InstructionBudgetTests: XCTestCase {
    /// Each exhaustion error was raised inside the function a pcall ran, so a loop around the pcall went on
    /// for ever; once exhausted the hook now fires at every instruction and call, outside the pcall too.
    func testAPcallLoopCannotSwallowTheBudget() throws {
        let state = try LuaState()
        state.setInstructionBudget(100_000)
        XCTAssertThrowsError(try state.run("while true do pcall(function() for i = 1, 1e12 do end end) end", name: "=t")) { error in
            XCTAssertTrue("\(error)".contains("instruction budget exhausted"), "\(error)")
        }
    }

    /// The same inside a __tostring run from Swift, with a budget and with only the __tostring's own limit.
    func testAPcallLoopInsideToStringEnds() throws {
        let chunk = "return setmetatable({}, { __tostring = function() while true do pcall(function() for i = 1, 1e12 do end end) end end })"
        let budgeted = try LuaState()
        budgeted.setInstructionBudget(100_000)
        let text = try describedResult(of: chunk, in: budgeted)
        XCTAssertTrue(text.hasSuffix("instruction budget exhausted)"), text)
        let unbudgetedText = try describedResult(of: chunk, in: LuaState())
        XCTAssertTrue(unbudgetedText.hasSuffix("__tostring ran more than 100 million instructions)"), unbudgetedText)
    }

    /// The budget is per chunk (as --help says): renewInstructionBudget starts each chunk's count afresh.
    func testTheBudgetIsRenewedForEachChunk() throws {
        let state = try LuaState()
        state.setInstructionBudget(150_000)
        for _ in 0..<3 {
            state.renewInstructionBudget()
            XCTAssertNoThrow(try state.run("for i = 1, 100000 do end", name: "=t"))
        }
        XCTAssertThrowsError(try state.run("for i = 1, 100000 do end", name: "=t"), "without renewal the budget runs out")
    }
}
