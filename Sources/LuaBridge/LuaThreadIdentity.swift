/// Identifies a Lua thread (the main thread or a coroutine) so a host function can tell which one runs it.
public struct LuaThreadIdentity: Hashable, Sendable {
    let address: UInt

    init(_ L: OpaquePointer) { address = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(L))) }
}

extension LuaCall {
    /// The thread whose stack this call uses.
    public var threadIdentity: LuaThreadIdentity { LuaThreadIdentity(L) }
}

extension LuaThread {
    /// The coroutine's own thread, comparable with `LuaCall.threadIdentity`.
    public var identity: LuaThreadIdentity { LuaThreadIdentity(thread) }
}
