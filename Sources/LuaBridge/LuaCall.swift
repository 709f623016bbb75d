import CLua
import CLuaShim

/// The view a host function has of the Lua stack: its arguments and the values it pushes.
///
/// Every operation here is raw (no metamethod runs, except the `__tostring` that `describe` runs
/// protected) and raises no Lua error, so it is safe to use from Swift. Two limits: a walk with
/// `forEachPair` must end once its body has run Lua code (see `pushPairsSnapshot`), and the memory
/// cap is not enforced inside Swift frames, so only a real out-of-memory could fail an allocation here.
public struct LuaCall {
    let L: OpaquePointer

    init(_ L: OpaquePointer) { self.L = L }

    /// The state this call belongs to.
    public var state: LuaState { LuaState.owner(of: L) }

    /// How many values are on the stack (at entry: the argument count).
    public var top: Int32 { lua_gettop(L) }

    /// Sets the stack height.
    public func setTop(_ n: Int32) { lua_settop(L, n) }

    /// Makes room for `n` more values, or throws when the stack cannot grow.
    public func ensureStack(_ n: Int32) throws {
        guard lua_checkstack(L, n) != 0 else { throw LuaBridgeError.stackOverflow }
    }

    /// Pops `n` values.
    public func pop(_ n: Int32 = 1) { clua_pop(L, n) }

    /// The Lua type name of the value at `index` (`no value` past the top).
    public func typeName(at index: Int32) -> String {
        String(cString: lua_typename(L, lua_type(L, index)))
    }

    /// Whether the value at `index` is nil or absent.
    public func isNil(at index: Int32) -> Bool { clua_isnoneornil(L, index) != 0 }

    /// Whether the value at `index` is a function.
    public func isFunction(at index: Int32) -> Bool { lua_type(L, index) == LUA_TFUNCTION }

    /// Whether the value at `index` is a table.
    public func isTable(at index: Int32) -> Bool { lua_type(L, index) == LUA_TTABLE }

    /// Whether the value at `index` is a table without any key (neither array nor hash part).
    public func isEmptyTable(at index: Int32) -> Bool {
        guard isTable(at: index) else { return false }
        let t = lua_absindex(L, index)
        lua_pushnil(L)
        guard lua_next(L, t) != 0 else { return true }
        lua_settop(L, -3)
        return false
    }

    /// Whether the running code may yield (it runs in a coroutine, not across a C boundary).
    public var isYieldable: Bool { lua_isyieldable(L) != 0 }

    /// The string at `index` as Swift text, when it is a string (numbers are not converted).
    public func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var len = 0
        guard let p = lua_tolstring(L, index, &len) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
    }

    /// The string at `index` as Swift text without repairing it: throws `InvalidUTF8` when its bytes are
    /// not UTF-8 (where `string(at:)` would put U+FFFD in their place); nil when it is not a string.
    public func exactString(at index: Int32) throws -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var len = 0
        guard let p = lua_tolstring(L, index, &len) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: p, count: len)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw InvalidUTF8.first(in: bytes) ?? InvalidUTF8(offset: 0, byte: bytes.first ?? 0)
    }

    /// The exact bytes of the string at `index`.
    public func bytes(at index: Int32) -> [UInt8]? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var len = 0
        guard let p = lua_tolstring(L, index, &len) else { return nil }
        return Array(UnsafeRawBufferPointer(start: p, count: len))
    }

    /// The integer at `index`, when it is an integer or a float with an exact integer value.
    public func integer(at index: Int32) -> Int64? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        var ok: Int32 = 0
        let v = lua_tointegerx(L, index, &ok)
        return ok != 0 ? v : nil
    }

    /// The number at `index`.
    public func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// The boolean at `index`.
    public func boolean(at index: Int32) -> Bool? {
        guard lua_type(L, index) == LUA_TBOOLEAN else { return nil }
        return lua_toboolean(L, index) != 0
    }

    /// `tostring(v)` of the value at `index`, honouring `__tostring`, never raising.
    public func describe(at index: Int32) -> String {
        var len = 0
        guard let p = cluashim_safe_tolstring(L, index, &len) else { return "?" }
        let s = String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
        clua_pop(L, 1)
        return s
    }

    /// Raw `t[key]` of the table at `index`, pushed; returns the pushed value's Lua type.
    @discardableResult
    public func pushField(of index: Int32, _ key: String) -> Int32 {
        let t = lua_absindex(L, index)
        lua_pushstring(L, key)
        return lua_rawget(L, t)
    }

    /// Raw `t[i]` of the table at `index`, pushed; returns the pushed value's Lua type.
    @discardableResult
    public func pushElement(of index: Int32, _ i: Int64) -> Int32 {
        lua_rawgeti(L, index, i)
    }

    /// Raw length of the table or string at `index`.
    public func rawLength(at index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// Pushes a new table holding the raw pairs of the table at `index` as the sequence k1, v1, k2, v2, ...
    /// (at most `limit` pairs); returns how many pairs it copied and how many the table has. A walk that
    /// runs Lua code between two steps (a `__tostring`) walks this copy: that code may change the table,
    /// and `lua_next` then raises "invalid key to 'next'" through the Swift frames.
    public func pushPairsSnapshot(of index: Int32, limit: Int = Int.max) throws -> (copied: Int, total: Int) {
        let t = lua_absindex(L, index)
        guard lua_checkstack(L, 4) != 0 else { throw LuaBridgeError.stackOverflow }
        lua_createtable(L, 0, 0)
        let snapshot = lua_gettop(L)
        var copied = 0, total = 0
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            total += 1
            guard copied < limit else { clua_pop(L, 1); continue }
            lua_rawseti(L, snapshot, Int64(2 * copied + 2))  // pops the value
            lua_pushvalue(L, -1)
            lua_rawseti(L, snapshot, Int64(2 * copied + 1))  // pops the key's copy; the key stays for lua_next
            copied += 1
        }
        return (copied, total)
    }

    /// Calls `body` for every key/value pair of the table at `index` (key at -2, value at -1). `body` must not
    /// run Lua code and then let the walk go on (see `pushPairsSnapshot`); it may throw to end the walk.
    public func forEachPair(of index: Int32, _ body: () throws -> Void) throws {
        let t = lua_absindex(L, index)
        guard lua_checkstack(L, 3) != 0 else { throw LuaBridgeError.stackOverflow }
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            do { try body() } catch { clua_pop(L, 2); throw error }
            clua_pop(L, 1)
        }
    }

    // MARK: Pushing

    /// Pushes nil.
    public func pushNil() { lua_pushnil(L) }
    /// Pushes an integer.
    public func push(_ n: Int64) { lua_pushinteger(L, n) }
    /// Pushes an integer.
    public func push(_ n: Int) { lua_pushinteger(L, Int64(n)) }
    /// Pushes a float.
    public func push(_ d: Double) { lua_pushnumber(L, d) }
    /// Pushes a boolean.
    public func push(_ b: Bool) { lua_pushboolean(L, b ? 1 : 0) }
    /// Pushes a string.
    public func push(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            _ = buf.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }
    /// Pushes exact bytes as a string.
    public func push(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            _ = buf.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }
    /// Pushes a copy of the value at `index`.
    public func pushCopy(of index: Int32) { lua_pushvalue(L, index) }
    /// Removes the value at `index`, shifting the ones above it down.
    public func remove(at index: Int32) { clua_remove(L, index) }
    /// Pushes a new empty table sized for `array` elements and `fields` fields.
    public func pushTable(array: Int = 0, fields: Int = 0) { lua_createtable(L, Int32(array), Int32(fields)) }
    /// Pops a value and stores it raw as `t[key]` in the table at `index`.
    public func setField(of index: Int32, _ key: String) {
        let t = lua_absindex(L, index)
        lua_pushstring(L, key)
        clua_insert(L, -2)
        lua_rawset(L, t)
    }
    /// Pops a value and stores it raw as `t[i]` in the table at `index`.
    public func setElement(of index: Int32, _ i: Int64) {
        let t = lua_absindex(L, index)
        lua_rawseti(L, t, i)
    }
    /// Pops a table and sets it as the metatable of the value at `index`.
    public func setMetatable(of index: Int32) { lua_setmetatable(L, index) }

    /// Pushes the registry's named metatable, creating it empty when absent; returns true when new.
    @discardableResult
    public func pushNamedMetatable(_ name: String) -> Bool { luaL_newmetatable(L, name) != 0 }

    /// Pushes a Swift function.
    public func pushFunction(_ function: @escaping LuaHostFunction) {
        let box = Unmanaged.passRetained(HostFunctionBox(function)).toOpaque()
        cluashim_push_host_function(L, hostDispatcher, box, hostRelease)
    }

    /// Pushes a Swift object as full userdata with the named metatable; Lua's `__gc` releases it.
    public func push(object: AnyObject, metatable name: String) {
        let raw = Unmanaged<AnyObject>.passRetained(object).toOpaque()
        cluashim_push_boxed_object(L, raw, name, objectRelease)
    }

    /// The Swift object of a full userdata pushed by `push(object:metatable:)`, or nil.
    public func object(at index: Int32, metatable name: String) -> AnyObject? {
        guard let raw = cluashim_to_boxed_object(L, index, name) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Pushes a light userdata.
    public func push(lightUserdata pointer: UnsafeMutableRawPointer?) { lua_pushlightuserdata(L, pointer) }

    /// The pointer of a light userdata at `index`.
    public func lightUserdata(at index: Int32) -> UnsafeMutableRawPointer? {
        guard lua_type(L, index) == LUA_TLIGHTUSERDATA else { return nil }
        return lua_touserdata(L, index)
    }

    /// Whether two stack values are the same Lua value (raw equality).
    public func rawEqual(_ a: Int32, _ b: Int32) -> Bool { lua_rawequal(L, a, b) != 0 }

    /// Whether the value at `index` is the table that `require(name)` gives (`package.loaded[name]`).
    public func isLoadedModule(_ name: String, at index: Int32) -> Bool {
        guard lua_type(L, index) == LUA_TTABLE else { return false }
        let value = lua_absindex(L, index)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_getfield(L, CLUA_REGISTRYINDEX, LUA_LOADED_TABLE)
        guard lua_type(L, -1) == LUA_TTABLE else { return false }
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        return lua_rawequal(L, value, -1) != 0
    }

    /// Pushes a value stored in the registry under `key`.
    public func pushRegistryValue(_ key: String) { lua_getfield(L, CLUA_REGISTRYINDEX, key) }

    /// Pops a value into the registry under `key`.
    public func setRegistryValue(_ key: String) {
        lua_pushstring(L, key)
        clua_insert(L, -2)
        lua_rawset(L, CLUA_REGISTRYINDEX)
    }

    /// Calls the function at `index` with the given arguments, protected; returns its results.
    public func call(functionAt index: Int32, arguments: [LuaValue]) throws -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_checkstack(L, Int32(arguments.count) + 4) != 0 else { throw LuaBridgeError.stackOverflow }
        lua_pushvalue(L, index)
        for a in arguments { try push(a) }
        let n = try protectedCall(argumentCount: Int32(arguments.count))
        return try (0..<n).map { try value(at: top + 1 + $0) }
    }

    /// Runs the function below `argumentCount` arguments under a traceback handler; returns the result count.
    @discardableResult
    public func protectedCall(argumentCount: Int32, resultCount: Int32 = -1) throws -> Int32 {
        let base = lua_gettop(L) - argumentCount
        clua_pushcfunction(L, cluashim_traceback)
        clua_insert(L, base)
        let wasEnforced = cluashim_set_limit_enforced(L, 1)
        let status = lua_pcallk(L, argumentCount, resultCount, base, 0, nil)
        _ = cluashim_set_limit_enforced(L, wasEnforced)
        clua_remove(L, base)
        if status != CLUA_OK {
            defer { clua_pop(L, 1) }
            throw errorValue(at: -1, status: status, withTraceback: true)
        }
        return lua_gettop(L) - (base - 1)
    }

    /// Reads the error value at `index` into a `LuaError` (message via `tostring`, traceback from the handler).
    func errorValue(at index: Int32, status: Int32, withTraceback: Bool) -> LuaError {
        let idx = lua_absindex(L, index)
        let message = status == CLUA_ERRMEM ? "not enough memory" : errorMessage(at: idx)
        let value = (try? value(at: idx)) ?? .text(message)
        var traceback: String?
        if withTraceback {
            cluashim_push_last_traceback(L)
            traceback = string(at: -1)
            clua_pop(L, 1)
            lua_pushnil(L)
            lua_setfield(L, CLUA_REGISTRYINDEX, "cluashim.last_traceback")
        }
        return LuaError(message: message, traceback: traceback, value: value)
    }

    /// lua.c's rule for an error value: strings and numbers as they are, `__tostring` when present,
    /// else "(error object is a T value)".
    func errorMessage(at idx: Int32) -> String {
        let type = lua_type(L, idx)
        if type == LUA_TSTRING || type == LUA_TNUMBER || luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL {
            if type != LUA_TSTRING && type != LUA_TNUMBER { clua_pop(L, 1) }
            return describe(at: idx)
        }
        return "(error object is a \(typeName(at: idx)) value)"
    }

    /// Pushes the Lua form of a Swift error: its own form, or its description as a string.
    func pushError(_ error: Error) {
        if let convertible = error as? LuaErrorConvertible {
            let before = lua_gettop(L)
            convertible.pushLuaError(self)
            if lua_gettop(L) == before + 1 { return }
            lua_settop(L, before)
        }
        if let luaError = error as? LuaError, (try? push(luaError.value)) != nil { return }
        push(String(describing: error))
    }
}
