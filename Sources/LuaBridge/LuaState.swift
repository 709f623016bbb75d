import CLua
import CLuaShim

/// Owns one Lua 5.4 state: creation, libraries, globals, loading and protected calls.
///
/// Not thread-safe: use a state from one thread at a time.
public final class LuaState {
    let L: OpaquePointer
    private var closed = false
    private var instructionBudget: Int?

    /// Creates a state with the standard libraries, the interrupt hook, and an optional memory cap in bytes.
    public init(memoryLimit: Int = 0, openLibraries: Bool = true) throws {
        guard let L = cluashim_newstate(memoryLimit) else { throw LuaBridgeError.cannotCreateState }
        self.L = L
        clua_getextraspace(L).storeBytes(of: Unmanaged.passUnretained(self).toOpaque(), as: UnsafeMutableRawPointer.self)
        if openLibraries, cluashim_openlibs(L) != CLUA_OK {
            // deinit runs for a class whose init throws once every property is set: it must not close L again.
            closed = true
            lua_close(L)
            throw LuaBridgeError.cannotCreateState
        }
        cluashim_install_interrupt_hook(L, 1000)
    }

    deinit {
        if !closed { lua_close(L) }
    }

    /// The state that owns the thread `L` (host functions receive a thread pointer).
    static func owner(of L: OpaquePointer) -> LuaState {
        let raw = clua_getextraspace(L).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<LuaState>.fromOpaque(raw).takeUnretainedValue()
    }

    /// The call context of the main thread, for pushing and reading values outside a host function.
    public var main: LuaCall { LuaCall(L) }

    /// Bytes the Lua allocator currently holds.
    public var memoryInUse: Int { Int(cluashim_memory_in_use(L)) }

    /// Limits each chunk to this many VM instructions (nil: no limit); `renewInstructionBudget` starts a chunk's count.
    public func setInstructionBudget(_ limit: Int?) {
        instructionBudget = limit
        cluashim_set_instruction_budget(L, Int64(limit ?? 0))
    }

    /// Gives the next chunk the whole budget again (an exhausted budget refuses every instruction).
    public func renewInstructionBudget() {
        if let instructionBudget { cluashim_set_instruction_budget(L, Int64(instructionBudget)) }
    }

    /// Runs a full garbage collection cycle.
    public func collectGarbage() {
        _ = clua_gc_collect(L)
    }

    // MARK: Globals

    /// Sets a global variable (raw: a metatable on `_G` is not consulted).
    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        clua_pushglobaltable(L)
        defer { clua_pop(L, 1) }
        lua_pushstring(L, name)
        try main.push(value)
        lua_rawset(L, -3)
    }

    /// Sets a global variable to a Swift function.
    public func setGlobal(_ name: String, function: @escaping LuaHostFunction) {
        clua_pushglobaltable(L)
        lua_pushstring(L, name)
        main.pushFunction(function)
        lua_rawset(L, -3)
        clua_pop(L, 1)
    }

    /// Reads a global variable (raw) as a value.
    public func global(_ name: String) throws -> LuaValue {
        clua_pushglobaltable(L)
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        defer { clua_pop(L, 2) }
        return try main.value(at: -1)
    }

    /// Registers a library table of Swift functions as global `name` and in `package.loaded`.
    public func register(library name: String, functions: [String: LuaHostFunction], fields: [String: LuaValue] = [:]) throws {
        lua_createtable(L, 0, Int32(functions.count + fields.count))
        for (fname, fn) in functions {
            lua_pushstring(L, fname)
            main.pushFunction(fn)
            lua_rawset(L, -3)
        }
        for (fname, value) in fields {
            lua_pushstring(L, fname)
            try main.push(value)
            lua_rawset(L, -3)
        }
        publishTopAsGlobal(name)
    }

    /// Pops the value on top of the stack into global `name` and `package.loaded[name]`.
    func publishTopAsGlobal(_ name: String) {
        // package.loaded[name] = value
        lua_getfield(L, CLUA_REGISTRYINDEX, LUA_LOADED_TABLE)
        if clua_istable(L, -1) != 0 {
            lua_pushstring(L, name)
            lua_pushvalue(L, -3)
            lua_rawset(L, -3)
        }
        clua_pop(L, 1)
        clua_pushglobaltable(L)
        lua_pushstring(L, name)
        lua_pushvalue(L, -3)
        lua_rawset(L, -3)
        clua_pop(L, 2)
    }

    // MARK: Loading and running

    /// Compiles a chunk; on success pushes the function, on failure throws the syntax error (nothing pushed).
    public func load(_ source: [UInt8], name: String, mode: String = "t") throws {
        // An empty array may have no base address; Lua still wants a valid pointer.
        let empty: [CChar] = [0]
        let status = source.withUnsafeBytes { raw in
            empty.withUnsafeBufferPointer { fallback in
                let chars = raw.baseAddress?.assumingMemoryBound(to: CChar.self) ?? fallback.baseAddress!
                return clua_loadbufferx(L, chars, raw.count, name, mode)
            }
        }
        if status != CLUA_OK { throw popError(status: status, withTraceback: false) }
    }

    /// Compiles Swift text as a chunk (see `load(_:name:mode:)`).
    public func load(_ source: String, name: String) throws {
        try load(Array(source.utf8), name: name)
    }

    /// Compiles a file (`nil`: standard input); a first line starting with `#` is skipped, as lua(1) does.
    public func loadFile(_ path: String?) throws {
        let status = luaL_loadfilex(L, path, "t")
        if status != CLUA_OK { throw popError(status: status, withTraceback: false) }
    }

    /// Calls the function below `argumentCount` arguments on the stack under a traceback handler.
    /// Returns how many results it left on the stack (all of them).
    @discardableResult
    public func protectedCall(argumentCount: Int32, resultCount: Int32 = CLUA_MULTRET) throws -> Int32 {
        try main.protectedCall(argumentCount: argumentCount, resultCount: resultCount)
    }

    /// Compiles and runs a chunk, returning every value it returns.
    @discardableResult
    public func run(_ source: String, name: String = "=chunk", arguments: [LuaValue] = []) throws -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try load(source, name: name)
        for a in arguments { try main.push(a) }
        let n = try protectedCall(argumentCount: Int32(arguments.count))
        return try (0..<n).map { try main.value(at: top + 1 + $0) }
    }

    /// Pops the error value on top of the stack into a `LuaError` with its traceback.
    func popError(status: Int32, withTraceback: Bool) -> LuaError {
        defer { clua_pop(L, 1) }
        return LuaCall(L).errorValue(at: -1, status: status, withTraceback: withTraceback)
    }

    /// Current stack height of the main thread (for tests and balance checks).
    public var stackTop: Int32 { lua_gettop(L) }

    /// Sets the stack height of the main thread.
    public func setStackTop(_ n: Int32) { lua_settop(L, n) }
}
