import LuaBridge

/// Builds the Lua state a shell runs in: standard libraries, `json`, the caller's modules, the sandbox.
public struct LuaEnvironment {
    /// Registers extra modules (for example `ecs`) on a new state.
    public typealias Module = (LuaState) throws -> Void

    /// Makes a state configured for `options`, with `modules` registered before the sandbox applies.
    public static func make(options: ShellOptions, modules: [Module]) throws -> LuaState {
        let state = try LuaState(memoryLimit: options.memoryLimit)
        try JSONModule.register(in: state)
        for module in modules { try module(state) }
        if options.sandbox { try Sandbox.apply(to: state) }
        state.setInstructionBudget(options.maxInstructions)
        return state
    }

    /// Sets the global `arg` table as lua(1) does: the script at 0, its arguments at 1..n,
    /// the interpreter and its options at negative indices.
    public static func setArguments(_ state: LuaState, interpreter: [String], script: String?, arguments: [String]) throws {
        var entries: [LuaTableEntry] = []
        // Without a script, lua(1) numbers the interpreter's own words from 0 upwards.
        let offset = script == nil ? 0 : interpreter.count
        for (i, a) in interpreter.enumerated() {
            entries.append(LuaTableEntry(key: .integer(Int64(i - offset)), value: .text(a)))
        }
        if let script { entries.append(LuaTableEntry(key: .integer(0), value: .text(script))) }
        for (i, a) in arguments.enumerated() {
            entries.append(LuaTableEntry(key: .integer(Int64(i + 1)), value: .text(a)))
        }
        try state.setGlobal("arg", .table(entries))
    }
}
