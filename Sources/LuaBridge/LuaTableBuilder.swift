import CLua
import JSONText

/// Pushes what `JSONParser` reads straight onto a Lua stack: objects and arrays become tables,
/// whole numbers Lua integers, strings Lua strings made from the bytes in place (no Swift values between).
///
/// A repeated member name keeps its first value (as JSONDecoder does).
struct LuaTableBuilder: JSONBuilder {
    /// What the builder does beyond plain decoding.
    struct Options {
        /// Absolute stack index of the value JSON null becomes (`json.null`); nil: null is nil, so a
        /// null member is left out of its table.
        var nullIndex: Int32?
        /// Collapse list wrappers: a member named like a plural (`Images`) whose object holds exactly one
        /// member named as its singular (`Image`) becomes that list (a lone object a one-element list,
        /// null an empty one).
        var unwrapLists = false
        /// The member name whose string values are reported to `observe` (e.g. `ImageId`).
        var observedName: [UInt8] = []
        /// Receives the string value of every member named `observedName`.
        var observe: ((String) -> Void)?
    }

    /// What the last finished value was, as far as list wrappers care.
    enum Kind {
        case null, scalar, array, object
    }

    /// An object being filled: its table's stack slot and what unwrapping it needs to know.
    struct Object {
        let table: Int32
        /// The singular name this object would hold if it were a list wrapper.
        let wrapperMember: [UInt8]?
        var count = 0
        var skipping = false
        var onlyMemberIsWrapped = false
        var onlyMemberKind = Kind.scalar
    }

    private let L: OpaquePointer
    private let options: Options
    private var lastKind = Kind.scalar
    /// Nesting of the container being filled, and the size of the last one finished at each depth:
    /// siblings (the images of a page) are alike, so a table is made that big and seldom grows.
    private var depth = 0
    private var sizeHints: [Int32] = []
    private var pendingWrapperMember: [UInt8]?
    private var observing = false

    /// A builder pushing onto `L`'s stack.
    init(L: OpaquePointer, options: Options) {
        self.L = L
        self.options = options
    }

    private mutating func scalar(_ kind: Kind = .scalar) {
        lastKind = kind
        pendingWrapperMember = nil
        observing = false
    }

    mutating func null() {
        if let nullIndex = options.nullIndex { lua_pushvalue(L, nullIndex) } else { lua_pushnil(L) }
        scalar(.null)
    }

    mutating func bool(_ value: Bool) {
        lua_pushboolean(L, value ? 1 : 0)
        scalar()
    }

    mutating func int(_ value: Int64) {
        lua_pushinteger(L, value)
        scalar()
    }

    mutating func double(_ value: Double) {
        lua_pushnumber(L, value)
        scalar()
    }

    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        Self.pushString(L, utf8)
        if observing, let observe = options.observe { observe(String(decoding: utf8, as: UTF8.self)) }
        scalar()
    }

    mutating func beginObject() throws -> Object {
        try reserveStack()
        lua_createtable(L, 0, enterContainer())
        let object = Object(table: lua_gettop(L), wrapperMember: pendingWrapperMember)
        pendingWrapperMember = nil
        observing = false
        return object
    }

    mutating func name(_ utf8: UnsafeBufferPointer<UInt8>, in object: inout Object) {
        Self.pushString(L, utf8)
        lua_pushvalue(L, -1)
        object.skipping = lua_rawget(L, object.table) != LUA_TNIL
        clua_pop(L, 1)
        if object.count == 0, let wanted = object.wrapperMember {
            object.onlyMemberIsWrapped = utf8.elementsEqual(wanted)
        }
        if options.unwrapLists, utf8.count > 1, utf8.last == UInt8(ascii: "s") {
            pendingWrapperMember = Swift.Array(utf8.dropLast())
        } else {
            pendingWrapperMember = nil
        }
        observing = options.observe != nil && utf8.elementsEqual(options.observedName)
    }

    mutating func member(_ value: Void, in object: inout Object) {
        if object.skipping {
            clua_pop(L, 2)
        } else {
            lua_rawset(L, object.table)
        }
        object.count += 1
        if object.count == 1 { object.onlyMemberKind = lastKind }
    }

    mutating func endObject(_ object: Object) -> Void {
        leaveContainer(size: object.count)
        lastKind = .object
        pendingWrapperMember = nil
        observing = false
        guard object.wrapperMember != nil, object.count == 1, object.onlyMemberIsWrapped else { return }
        // The table on top is a list wrapper: replace it by its list.
        switch object.onlyMemberKind {
        case .array:
            lua_pushnil(L)
            _ = lua_next(L, object.table)  // the only key and its value
            lua_copy(L, -1, object.table)
            clua_pop(L, 2)
        case .object:
            lua_createtable(L, 1, 0)
            lua_pushnil(L)
            _ = lua_next(L, object.table)
            lua_rawseti(L, -3, 1)
            clua_pop(L, 1)
            lua_copy(L, -1, object.table)
            clua_pop(L, 1)
        case .null:
            lua_createtable(L, 0, 0)
            markAsArray()
            lua_copy(L, -1, object.table)
            clua_pop(L, 1)
        case .scalar:
            return
        }
        lastKind = .array
    }

    mutating func beginArray() throws -> Int64 {
        try reserveStack()
        lua_createtable(L, enterContainer(), 0)
        pendingWrapperMember = nil
        observing = false
        return 0
    }

    mutating func element(_ value: Void, in count: inout Int64) {
        count += 1
        lua_rawseti(L, -2, count)
    }

    mutating func endArray(_ count: Int64) -> Void {
        leaveContainer(size: Int(count))
        // An empty table says nothing of what it was: mark it, so json.encode writes [] and not {}.
        if count == 0 { markAsArray() }
        scalar(.array)
    }

    /// Gives the table on top the `json.array` metatable (created if the json module has not made it yet).
    private func markAsArray() {
        _ = luaL_newmetatable(L, JSONModule.arrayMeta)
        lua_setmetatable(L, -2)
    }

    /// The size hint for a container starting at the current depth, which it then enters.
    private mutating func enterContainer() -> Int32 {
        let hint = depth < sizeHints.count ? sizeHints[depth] : 0
        depth += 1
        return hint
    }

    /// Leaves a container of `size` entries, remembering the size for its next sibling.
    private mutating func leaveContainer(size: Int) {
        depth -= 1
        let hint = Int32(clamping: min(size, 1 << 16))
        while sizeHints.count <= depth { sizeHints.append(0) }
        sizeHints[depth] = hint
    }

    private func reserveStack() throws {
        guard lua_checkstack(L, 8) != 0 else { throw JSONParseError(reason: "too deeply nested for the Lua stack", offset: 0) }
    }

    private static func pushString(_ L: OpaquePointer, _ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress, !utf8.isEmpty else {
            lua_pushlstring(L, "", 0)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { _ = lua_pushlstring(L, $0, utf8.count) }
    }
}
