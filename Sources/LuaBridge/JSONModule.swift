import CLua
import Foundation
import JSONText

/// The `json` Lua module: `json.encode`, `json.decode`, `json.null`, `json.array`.
public enum JSONModule {
    /// Registry key of the `json.null` sentinel.
    static let nullKey = "ecsh.json.null"
    /// Metatable that marks a table to be encoded as an array even when empty.
    static let arrayMeta = "ecsh.json.array"
    /// Deepest nesting `json.decode` accepts.
    public static let maximumDepth = 128

    /// Registers the module as global `json` (and in `package.loaded`).
    public static func register(in state: LuaState) throws {
        let call = state.main
        try state.register(library: "json", functions: [
            "encode": encode,
            "decode": decode,
            "array": markArray,
        ])
        // json.null: a unique table whose tostring is "null".
        call.pushTable()
        if call.pushNamedMetatable("ecsh.json.nullmeta") {
            call.pushFunction { c in c.push("null"); return .values(1) }
            call.setField(of: -2, "__tostring")
            call.push("json.null")
            call.setField(of: -2, "__name")
            call.push(false)
            call.setField(of: -2, "__metatable")
        }
        call.setMetatable(of: -2)
        call.pushCopy(of: -1)
        call.setRegistryValue(nullKey)
        call.pushGlobal("json")
        call.pushCopy(of: -2)
        call.setField(of: -2, "null")
        call.pop(2)
        _ = call.pushNamedMetatable(arrayMeta)
        call.pop()
    }

    /// `json.encode(value [, { sort_keys = true, indent = 0 }])`.
    static func encode(_ call: LuaCall) throws -> LuaCallResult {
        guard call.top >= 1 else { throw JSONModuleError("bad argument #1 to 'encode' (value expected)") }
        var options = JSONEncodeOptions()
        if call.isTable(at: 2) {
            if call.pushField(of: 2, "sort_keys") == LUA_TBOOLEAN { options.sortKeys = call.boolean(at: -1) ?? true }
            call.pop()
            if call.pushField(of: 2, "indent") == LUA_TNUMBER { options.indent = Int(call.integer(at: -1) ?? 0) }
            call.pop()
        }
        call.pushRegistryValue(nullKey)
        let nullIndex = call.top
        var writer = JSONLuaWriter(call: call, options: options, nullIndex: nullIndex)
        try writer.write(at: 1, depth: 0, path: "")
        call.push(writer.output)
        return .values(1)
    }

    /// `json.decode(text)` → a Lua value; JSON null becomes `json.null`; strict RFC 8259 (`JSONParser`).
    static func decode(_ call: LuaCall) throws -> LuaCallResult {
        guard let bytes = call.bytes(at: 1) else {
            throw JSONModuleError("bad argument #1 to 'decode' (string expected, got \(call.typeName(at: 1)))")
        }
        call.pushRegistryValue(nullKey)
        var options = LuaTableBuilder.Options()
        options.nullIndex = call.top
        do {
            try bytes.withUnsafeBytes { try call.pushJSON($0, maximumDepth: maximumDepth, options: options) }
        } catch let error as JSONParseError {
            if bytes.isEmpty { throw JSONModuleError("json.decode: invalid JSON at byte offset 0: empty input") }
            throw JSONModuleError("json.decode: invalid JSON at byte offset \(error.offset): \(error.reason)")
        }
        return .values(1)
    }

    /// `json.array(t)` marks `t` (or a new table) to be encoded as a JSON array even when empty.
    static func markArray(_ call: LuaCall) throws -> LuaCallResult {
        if !call.isTable(at: 1) { call.setTop(0); call.pushTable() } else { call.setTop(1) }
        _ = call.pushNamedMetatable(arrayMeta)
        call.setMetatable(of: 1)
        return .values(1)
    }
}

/// An error raised by the json module (its text is the Lua error message).
struct JSONModuleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension LuaCall {
    /// Pushes global `name` (raw: no metamethod runs).
    public func pushGlobal(_ name: String) {
        lua_rawgeti(L, CLUA_REGISTRYINDEX, CLUA_RIDX_GLOBALS)
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        clua_remove(L, -2)
    }
}
