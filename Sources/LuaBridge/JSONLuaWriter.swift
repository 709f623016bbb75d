import CLua

/// Options of `json.encode`.
struct JSONEncodeOptions {
    var sortKeys = true
    var indent = 0
}

/// Writes the Lua value at a stack index as JSON text, walking the stack without metamethods.
struct JSONLuaWriter {
    let call: LuaCall
    let options: JSONEncodeOptions
    let nullIndex: Int32
    private(set) var output = ""
    private var onPath = Set<UnsafeRawPointer>()

    init(call: LuaCall, options: JSONEncodeOptions, nullIndex: Int32) {
        self.call = call
        self.options = options
        self.nullIndex = nullIndex
    }

    mutating func write(at index: Int32, depth: Int, path: String) throws {
        let L = call.L
        let idx = lua_absindex(L, index)
        switch lua_type(L, idx) {
        case LUA_TNIL, LUA_TNONE: output += "null"
        case LUA_TBOOLEAN: output += lua_toboolean(L, idx) != 0 ? "true" : "false"
        case LUA_TNUMBER:
            if lua_isinteger(L, idx) != 0 {
                output += String(lua_tointegerx(L, idx, nil))
            } else {
                let d = lua_tonumberx(L, idx, nil)
                guard d.isFinite else { throw JSONModuleError("json.encode: cannot encode \(d.isNaN ? "NaN" : "infinity")\(where_(path)) (JSON has no non-finite numbers)") }
                output += "\(d)"
            }
        case LUA_TSTRING:
            let bytes = call.bytes(at: idx) ?? []
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw JSONModuleError("json.encode: string\(where_(path)) is not valid UTF-8")
            }
            writeString(s)
        case LUA_TTABLE:
            if call.rawEqual(idx, nullIndex) { output += "null"; return }
            try writeTable(at: idx, depth: depth, path: path)
        default:
            throw JSONModuleError("json.encode: cannot encode a \(call.typeName(at: idx)) value\(where_(path))")
        }
    }

    private func where_(_ path: String) -> String { path.isEmpty ? "" : " at \(path)" }

    private mutating func writeTable(at idx: Int32, depth: Int, path: String) throws {
        let L = call.L
        guard depth < JSONModule.maximumDepth else { throw JSONModuleError("json.encode: tables nested deeper than \(JSONModule.maximumDepth) levels") }
        guard let identity = lua_topointer(L, idx) else { return }
        guard onPath.insert(identity).inserted else {
            throw JSONModuleError("json.encode: cannot encode a table that contains itself (cycle\(where_(path)))")
        }
        defer { onPath.remove(identity) }
        guard lua_checkstack(L, 6) != 0 else { throw LuaBridgeError.stackOverflow }

        // Collect keys to decide array vs object.
        var stringKeys: [(String, Int64?)] = []
        var count: Int64 = 0
        var maxIndex: Int64 = 0
        var onlyPositiveIntegers = true
        try call.forEachPair(of: idx) {
            count += 1
            if let i = call.integer(at: -2), lua_isinteger(L, -2) != 0, i >= 1 {
                maxIndex = max(maxIndex, i)
                stringKeys.append((String(i), i))
            } else {
                onlyPositiveIntegers = false
                switch lua_type(L, -2) {
                case LUA_TSTRING:
                    let bytes = call.bytes(at: -2) ?? []
                    guard let s = String(validating: bytes, as: UTF8.self) else { throw JSONModuleError("json.encode: key\(where_(path)) is not valid UTF-8") }
                    stringKeys.append((s, nil))
                case LUA_TNUMBER:
                    let d = call.number(at: -2) ?? 0
                    guard d.isFinite else { throw JSONModuleError("json.encode: cannot use a non-finite number as a key\(where_(path))") }
                    stringKeys.append((call.integer(at: -2).map(String.init) ?? "\(d)", nil))
                default:
                    throw JSONModuleError("json.encode: cannot use a \(call.typeName(at: -2)) as an object key\(where_(path))")
                }
            }
        }
        let markedArray = hasArrayMarker(idx)
        let isArray = (onlyPositiveIntegers && maxIndex == count && count > 0) || (markedArray && count == 0)
        let newline = options.indent > 0 ? "\n" + String(repeating: " ", count: options.indent * (depth + 1)) : ""
        let closing = options.indent > 0 ? "\n" + String(repeating: " ", count: options.indent * depth) : ""
        if isArray {
            output += "["
            for i in 1...max(count, 1) where count > 0 {
                if i > 1 { output += "," }
                output += newline
                call.pushElement(of: idx, i)
                defer { call.pop() }
                try write(at: -1, depth: depth + 1, path: path + "[\(i)]")
            }
            output += count > 0 ? closing + "]" : "]"
            return
        }
        // Holes are an error only where every key is an array index; a table with other keys is an object,
        // marked or not (an empty list from json.decode that a script then gave a field).
        if onlyPositiveIntegers && count > 0 {
            throw JSONModuleError("json.encode: array\(where_(path)) has holes (keys must be 1..n); use string keys for an object")
        }
        if options.sortKeys { stringKeys.sort { $0.0 < $1.0 } }
        output += "{"
        for (n, (key, _)) in stringKeys.enumerated() {
            if n > 0 { output += "," }
            output += newline
            writeString(key)
            output += options.indent > 0 ? ": " : ":"
            call.push(key)
            lua_rawget(L, idx)
            if lua_type(L, -1) == LUA_TNIL, let i = Int64(key) { call.pop(); lua_rawgeti(L, idx, i) }
            if lua_type(L, -1) == LUA_TNIL, let d = Double(key) { call.pop(); lua_pushnumber(L, d); lua_rawget(L, idx) }
            defer { call.pop() }
            try write(at: -1, depth: depth + 1, path: path + "." + key)
        }
        output += stringKeys.isEmpty ? "}" : closing + "}"
    }

    private func hasArrayMarker(_ idx: Int32) -> Bool {
        let L = call.L
        guard lua_getmetatable(L, idx) != 0 else { return false }
        _ = call.pushNamedMetatable(JSONModule.arrayMeta)
        let same = lua_rawequal(L, -1, -2) != 0
        call.pop(2)
        return same
    }

    private mutating func writeString(_ s: String) {
        output += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(u)
            }
        }
        output += "\""
    }
}
