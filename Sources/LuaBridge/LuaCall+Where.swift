import CLua

extension LuaCall {
    /// `chunk:line` of the nearest Lua function at least `level` frames up the call stack (1: the
    /// caller of this host function), as `luaL_where` reports it. Frames without line information
    /// (C functions such as `pcall`) are skipped; nil when no frame has any.
    public func location(level: Int32 = 1) -> String? {
        guard lua_checkstack(L, 1) != 0 else { return nil }
        for depth in level..<(level + 8) {
            luaL_where(L, depth)
            var text = string(at: -1) ?? ""
            clua_pop(L, 1)
            // luaL_where ends with ": " so that it can prefix a message; a location stands alone.
            while text.hasSuffix(" ") || text.hasSuffix(":") { text.removeLast() }
            if !text.isEmpty { return text }
        }
        return nil
    }
}
