import CLua
import CLuaShim

/// A Swift function callable from Lua. It reads its arguments and pushes its results through
/// the `LuaCall`, and returns how many results it pushed (or asks to yield). A thrown error
/// becomes a Lua error, raised by the C trampoline after this function has returned.
public typealias LuaHostFunction = (LuaCall) throws -> LuaCallResult

/// What a host function asks the trampoline to do once it has returned.
public struct LuaCallResult: Sendable, Equatable {
    let code: Int32

    /// Return the top `n` values.
    public static func values(_ n: Int32) -> LuaCallResult { LuaCallResult(code: n) }
    /// Return nothing.
    public static let none = LuaCallResult(code: 0)
    /// Yield the top `n` values from the running coroutine. When resumed with `(true, v...)`
    /// the call returns `v...`; with `(false, e)` it raises `e`.
    public static func yield(_ n: Int32) -> LuaCallResult { LuaCallResult(code: CLUASHIM_YIELD_BASE - n) }
}

/// Keeps a host function alive while Lua holds it.
final class HostFunctionBox {
    let function: LuaHostFunction
    init(_ function: @escaping LuaHostFunction) { self.function = function }
}

/// The one C-callable entry point for every Swift host function.
let hostDispatcher: cluashim_host_fn = { L, context in
    let box = Unmanaged<HostFunctionBox>.fromOpaque(context!).takeUnretainedValue()
    let call = LuaCall(L!)
    do {
        return try box.function(call).code
    } catch {
        call.pushError(error)
        return CLUASHIM_ERROR
    }
}

/// Releases a host function's box when Lua collects its closure.
let hostRelease: cluashim_release_fn = { context in
    Unmanaged<HostFunctionBox>.fromOpaque(context!).release()
}

/// Releases a boxed Swift object when Lua collects its userdata.
let objectRelease: cluashim_release_fn = { context in
    Unmanaged<AnyObject>.fromOpaque(context!).release()
}
