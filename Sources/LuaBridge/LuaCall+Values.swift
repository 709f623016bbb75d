import CLua
import CLuaShim

extension LuaCall {
    /// Deepest table nesting copied between Swift and Lua.
    public static let maximumDepth = 200

    /// Pushes a Swift copy of a Lua value (tables become new tables).
    public func push(_ value: LuaValue) throws {
        try push(value, depth: 0)
    }

    private func push(_ value: LuaValue, depth: Int) throws {
        guard depth <= LuaCall.maximumDepth else { throw LuaBridgeError.tooDeep(LuaCall.maximumDepth) }
        guard lua_checkstack(L, 3) != 0 else { throw LuaBridgeError.stackOverflow }
        switch value {
        case .nil, .opaque: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, i)
        case .number(let d): lua_pushnumber(L, d)
        case .string(let bytes): push(bytes: bytes)
        case .array(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                try push(item, depth: depth + 1)
                lua_rawseti(L, -2, Int64(i + 1))
            }
        case .table(let entries):
            lua_createtable(L, 0, Int32(clamping: entries.count))
            for entry in entries where entry.key != .nil && entry.value != .nil {
                if case .number(let d) = entry.key, d.isNaN { continue }
                try push(entry.key, depth: depth + 1)
                try push(entry.value, depth: depth + 1)
                lua_rawset(L, -3)
            }
        }
    }

    /// Copies the value at `index` into Swift; tables are copied deeply (cycles are an error).
    public func value(at index: Int32) throws -> LuaValue {
        var path = Set<UnsafeRawPointer>()
        return try value(at: lua_absindex(L, index), path: &path, depth: 0)
    }

    private func value(at idx: Int32, path: inout Set<UnsafeRawPointer>, depth: Int) throws -> LuaValue {
        switch lua_type(L, idx) {
        case LUA_TNONE, LUA_TNIL: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, idx) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, idx) != 0 { return .integer(lua_tointegerx(L, idx, nil)) }
            return .number(lua_tonumberx(L, idx, nil))
        case LUA_TSTRING: return .string(bytes(at: idx) ?? [])
        case LUA_TTABLE: return try table(at: idx, path: &path, depth: depth)
        default:
            let type = typeName(at: idx)
            return .opaque(type: type, description: describe(at: idx))
        }
    }

    private func table(at idx: Int32, path: inout Set<UnsafeRawPointer>, depth: Int) throws -> LuaValue {
        guard depth < LuaCall.maximumDepth else { throw LuaBridgeError.tooDeep(LuaCall.maximumDepth) }
        guard let identity = lua_topointer(L, idx) else { return .table([]) }
        guard path.insert(identity).inserted else { throw LuaBridgeError.cycle }
        defer { path.remove(identity) }
        guard lua_checkstack(L, 4) != 0 else { throw LuaBridgeError.stackOverflow }
        var entries: [LuaTableEntry] = []
        var maxIndex: Int64 = 0
        var allPositiveIntegers = true
        // Converting an opaque value runs its __tostring, which may change the table: walk a copy of its pairs.
        let (count, _) = try pushPairsSnapshot(of: idx)
        let snapshot = lua_gettop(L)
        defer { lua_settop(L, snapshot - 1) }
        for i in 0..<count {
            lua_rawgeti(L, snapshot, Int64(2 * i + 1))
            lua_rawgeti(L, snapshot, Int64(2 * i + 2))
            let key = try self.value(at: snapshot + 1, path: &path, depth: depth + 1)
            let value = try self.value(at: snapshot + 2, path: &path, depth: depth + 1)
            lua_settop(L, snapshot)
            if case .integer(let i) = key, i >= 1 { maxIndex = max(maxIndex, i) } else { allPositiveIntegers = false }
            entries.append(LuaTableEntry(key: key, value: value))
        }
        if allPositiveIntegers, !entries.isEmpty, maxIndex == Int64(entries.count) {
            var items = [LuaValue](repeating: .nil, count: entries.count)
            for e in entries { if case .integer(let i) = e.key { items[Int(i - 1)] = e.value } }
            return .array(items)
        }
        entries.sort { LuaValue.sortsBefore($0.key, $1.key) }
        return .table(entries)
    }
}

extension LuaValue {
    /// A total order for table keys: numbers, then strings (by bytes), then booleans, then others.
    public static func sortsBefore(_ a: LuaValue, _ b: LuaValue) -> Bool {
        func rank(_ v: LuaValue) -> Int {
            switch v {
            case .integer, .number: return 0
            case .string: return 1
            case .boolean: return 2
            default: return 3
            }
        }
        let (ra, rb) = (rank(a), rank(b))
        if ra != rb { return ra < rb }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.lexicographicallyPrecedes(y)
        case (.boolean(let x), .boolean(let y)): return !x && y
        default: return (a.numericValue ?? 0) < (b.numericValue ?? 0)
        }
    }

    /// The value as a Double when it is a number.
    public var numericValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }
}
