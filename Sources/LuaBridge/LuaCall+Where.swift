import CLua

extension LuaCall {
    /// `chunk:line` of the function `level` frames up the call stack (1: the Lua code calling this
    /// host function), as `luaL_where` reports it; nil when that frame has no line information.
    public func location(level: Int32 = 1) -> String? {
        guard lua_checkstack(L, 1) != 0 else { return nil }
        luaL_where(L, level)
        defer { clua_pop(L, 1) }
        guard var text = string(at: -1), !text.isEmpty else { return nil }
        // luaL_where ends with ": " so that it can prefix a message; a location stands alone.
        while text.hasSuffix(" ") || text.hasSuffix(":") { text.removeLast() }
        return text.isEmpty ? nil : text
    }
}
