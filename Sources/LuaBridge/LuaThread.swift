import CLua
import CLuaShim

/// A Lua coroutine driven from Swift: resume it with values, see what it yields or returns.
public final class LuaThread {
    /// How a resume ended.
    public enum Outcome: Equatable {
        /// The coroutine yielded these values and can be resumed again.
        case yielded([LuaValue])
        /// The coroutine returned these values and is finished.
        case returned([LuaValue])
    }

    private let state: LuaState
    /// The running thread that resumes this one: Lua counts nested C calls from it, so coroutines that
    /// start coroutines (a nested `ecs.parallel`) end in "C stack overflow", not in a crash.
    private let resumer: OpaquePointer
    let thread: OpaquePointer
    private let reference: Int32
    /// Whether the coroutine has finished (returned or failed).
    public private(set) var isFinished = false
    /// Whether a resume returns the values the coroutine yields; when false they are dropped unread
    /// (`.yielded([])`), so a yielded value that cannot be converted (a cycle) does no harm.
    public var keepsYieldedValues = true

    /// Makes a coroutine that will run the function on top of the main stack (popped); `resumer` is the
    /// call that will resume it (the host function's own stack), else the main thread.
    public init(state: LuaState, resumedFrom resumer: LuaCall? = nil) throws {
        self.state = state
        self.resumer = resumer?.L ?? state.L
        let L = state.L
        guard clua_isfunction(L, -1) != 0 else { throw LuaBridgeError.badArgument(position: 1, function: "LuaThread", expected: "function", got: state.main.typeName(at: -1)) }
        guard let co = lua_newthread(L) else { throw LuaBridgeError.cannotCreateState }
        thread = co
        reference = luaL_ref(L, CLUA_REGISTRYINDEX)  // pops the thread, keeping it alive
        lua_xmove(L, co, 1)  // moves the function onto the coroutine's stack
    }

    deinit {
        luaL_unref(state.L, CLUA_REGISTRYINDEX, reference)
    }

    /// Closes a coroutine left suspended, so that Lua sees it as dead (its pending to-be-closed variables
    /// run, protected: an error there stays inside Lua).
    public func close() {
        guard !isFinished else { return }
        _ = lua_resetthread(thread)
        isFinished = true
    }

    /// The call context of the coroutine's own stack.
    public var stack: LuaCall { LuaCall(thread) }

    /// Resumes with plain values (for a `coroutine.yield` in Lua, or the first start).
    public func resume(_ arguments: [LuaValue] = []) throws -> Outcome {
        try resume { call in
            for a in arguments { try call.push(a) }
            return Int32(arguments.count)
        }
    }

    /// Resumes a coroutine suspended in a yielding host function so that the call returns `values`.
    public func resumeReturning(_ values: [LuaValue]) throws -> Outcome {
        try resume([.boolean(true)] + values)
    }

    /// Resumes a coroutine suspended in a yielding host function so that the call raises `error`.
    public func resumeRaising(_ error: Error) throws -> Outcome {
        try resume { call in
            call.push(false)
            call.pushError(error)
            return 2
        }
    }

    /// Resumes with arguments pushed by `pushArguments`, which returns how many it pushed.
    public func resume(pushing pushArguments: (LuaCall) throws -> Int32) throws -> Outcome {
        guard !isFinished else { throw LuaError(message: "cannot resume dead coroutine") }
        let co = thread
        let base = lua_gettop(co)
        let nargs: Int32
        do { nargs = try pushArguments(LuaCall(co)) } catch { lua_settop(co, base); throw error }
        var nres: Int32 = 0
        let wasEnforced = cluashim_set_limit_enforced(co, 1)
        let status = lua_resume(co, resumer, nargs, &nres)
        _ = cluashim_set_limit_enforced(co, wasEnforced)
        if status == CLUA_YIELD && !keepsYieldedValues {
            clua_pop(co, nres)
            return .yielded([])
        }
        // Values are read on the resumer's stack: converting one may run its __tostring, and Lua calls
        // functions only on a thread that is running or not started, not on a suspended or dead one.
        if status == CLUA_OK || status == CLUA_YIELD {
            let values = try moved(nres) { call, first in try (0..<nres).map { try call.value(at: first + $0) } }
            if status == CLUA_OK { isFinished = true; return .returned(values) }
            return .yielded(values)
        }
        isFinished = true
        luaL_traceback(resumer, co, nil, 0)
        let traceback = LuaCall(resumer).string(at: -1)
        clua_pop(resumer, 1)
        let (message, value) = try moved(1) { call, first in
            let message = status == CLUA_ERRMEM ? "not enough memory" : call.errorMessage(at: first)
            return (message, (try? call.value(at: first)) ?? .text(message))
        }
        lua_settop(co, 0)
        throw LuaError(message: message, traceback: traceback, value: value)
    }

    /// Moves the top `count` values of the coroutine to the resumer's stack, reads them there with `read`
    /// (given the index of the first), and pops them.
    private func moved<T>(_ count: Int32, _ read: (LuaCall, Int32) throws -> T) throws -> T {
        guard lua_checkstack(resumer, count + 4) != 0 else {
            clua_pop(thread, count)
            throw LuaBridgeError.stackOverflow
        }
        lua_xmove(thread, resumer, count)
        let first = lua_gettop(resumer) - count + 1
        defer { lua_settop(resumer, first - 1) }
        return try read(LuaCall(resumer), first)
    }
}
