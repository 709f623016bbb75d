import CLua

/// Renders a stack value as readable Lua-like text for the REPL: tables nested and sorted,
/// strings quoted, with depth and item limits and cycles marked. Never runs Lua code except a
/// protected `__tostring`.
public struct LuaInspector {
    /// Deepest table level shown in full.
    public var maximumDepth = 5
    /// Most entries shown per table.
    public var maximumItems = 50
    /// Longest line before a table is broken over several lines.
    public var lineWidth = 80

    /// Makes an inspector with the default limits.
    public init() {}

    /// The text of the value at `index` of `call`'s stack.
    public func render(_ call: LuaCall, at index: Int32) -> String {
        var path = Set<UnsafeRawPointer>()
        return render(call, lua_absindex(call.L, index), depth: 0, indent: "", path: &path)
    }

    private func render(_ call: LuaCall, _ idx: Int32, depth: Int, indent: String, path: inout Set<UnsafeRawPointer>) -> String {
        let L = call.L
        switch lua_type(L, idx) {
        case LUA_TSTRING: return LuaInspector.quote(call.bytes(at: idx) ?? [])
        case LUA_TTABLE:
            if hasToString(call, idx) { return call.describe(at: idx) }
            return renderTable(call, idx, depth: depth, indent: indent, path: &path)
        default: return call.describe(at: idx)
        }
    }

    private func hasToString(_ call: LuaCall, _ idx: Int32) -> Bool {
        let L = call.L
        guard lua_getmetatable(L, idx) != 0 else { return false }
        let present = call.pushField(of: -1, "__tostring") != LUA_TNIL
        call.pop(2)
        return present
    }

    private func renderTable(_ call: LuaCall, _ idx: Int32, depth: Int, indent: String, path: inout Set<UnsafeRawPointer>) -> String {
        let L = call.L
        guard let identity = lua_topointer(L, idx) else { return "{}" }
        if path.contains(identity) { return "<cycle>" }
        if depth >= maximumDepth { return "{...}" }
        guard lua_checkstack(L, 4) != 0 else { return "{...}" }
        path.insert(identity)
        defer { path.remove(identity) }

        // (sortKey, text); an integer key's value alone in `text`, its `[k] = value` form in `keyed`.
        var parts: [(sortKey: LuaValue, text: String, keyed: String?)] = []
        let inner = indent + "  "
        // Rendering runs __tostring, which may change the table: walk a copy of its pairs.
        guard let (count, total) = try? call.pushPairsSnapshot(of: idx, limit: maximumItems) else { return "{...}" }
        let snapshot = lua_gettop(L)
        defer { lua_settop(L, snapshot - 1) }
        for i in 0..<count {
            lua_rawgeti(L, snapshot, Int64(2 * i + 1))
            lua_rawgeti(L, snapshot, Int64(2 * i + 2))
            let keyValue: LuaValue = lua_isinteger(L, -2) != 0 ? .integer(lua_tointegerx(L, -2, nil)) : (lua_type(L, -2) == LUA_TSTRING ? .string(call.bytes(at: -2) ?? []) : .opaque(type: call.typeName(at: -2), description: ""))
            let valueText = render(call, lua_absindex(L, -1), depth: depth + 1, indent: inner, path: &path)
            let text: String
            var keyed: String?
            if case .integer(let k) = keyValue {
                text = valueText
                keyed = "[\(k)] = \(valueText)"
            } else if let name = LuaInspector.identifier(call, -2) {
                text = "\(name) = \(valueText)"
            } else {
                text = "[\(render(call, lua_absindex(L, -2), depth: depth + 1, indent: inner, path: &path))] = \(valueText)"
            }
            parts.append((keyValue, text, keyed))
            lua_settop(L, snapshot)
        }
        parts.sort { LuaValue.sortsBefore($0.sortKey, $1.sortKey) }
        // Values print bare only for keys 1, 2, ..., n without a gap; after a hole (t[3] = nil) or for other
        // integers each shows its key, or { 1, 2, 4 } would claim that t[3] == 4.
        var next: Int64 = 1
        var texts: [String] = []
        for part in parts {
            if case .integer(let k) = part.sortKey, k == next {
                next += 1
                texts.append(part.text)
            } else {
                texts.append(part.keyed ?? part.text)
            }
        }
        if total > parts.count { texts.append("... (\(total - parts.count) more)") }
        if texts.isEmpty { return "{}" }
        let oneLine = "{ " + texts.joined(separator: ", ") + " }"
        if oneLine.count + indent.count <= lineWidth, !oneLine.contains("\n") { return oneLine }
        return "{\n" + texts.map { inner + $0 + "," }.joined(separator: "\n") + "\n" + indent + "}"
    }

    /// The key at `index` when it is a string usable as a bare Lua name.
    static func identifier(_ call: LuaCall, _ index: Int32) -> String? {
        guard let s = call.string(at: index), let first = s.unicodeScalars.first else { return nil }
        guard first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return nil }
        guard s.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }) else { return nil }
        return LuaSyntax.keywords.contains(s) ? nil : s
    }

    /// A Lua string literal for exact bytes (escapes for quotes, controls and invalid UTF-8).
    public static func quote(_ bytes: [UInt8]) -> String {
        var out = "\""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            case 0..<0x20, 0x7f: out += "\\\(b)"
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                // Copy a valid UTF-8 sequence whole; escape stray bytes.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                if length > 1, i + length <= bytes.count, let s = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                    out += s
                    i += length
                    continue
                }
                out += "\\x" + String(b, radix: 16, uppercase: true)
            }
            i += 1
        }
        return out + "\""
    }
}

/// Facts about Lua's syntax used by the inspector and the REPL.
public enum LuaSyntax {
    /// The reserved words of Lua 5.4.
    public static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]
}
