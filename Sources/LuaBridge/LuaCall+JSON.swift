import CLua
import Foundation
import JSONText

extension LuaCall {
    /// Whether the value at `index` is `json.null` (what `json.decode` makes of a JSON null).
    public func isJSONNull(at index: Int32) -> Bool {
        guard lua_type(L, index) == LUA_TTABLE else { return false }
        let value = lua_absindex(L, index)
        pushRegistryValue(JSONModule.nullKey)
        defer { pop() }
        return rawEqual(value, -1)
    }

    /// Pushes the value of the JSON text `bytes` as one Lua value, without Swift values in between.
    ///
    /// JSON null becomes nil (so a null member is absent); with `unwrapLists`, list wrappers collapse
    /// (`"Images": {"Image": [...]}` → `Images = {...}`); `observe` receives the string value of every
    /// member called `observedName`. On failure nothing is left on the stack and `JSONParseError` is thrown.
    public func pushJSON(
        _ bytes: UnsafeRawBufferPointer, maximumDepth: Int, unwrapLists: Bool = false,
        observedName: String = "", observe: ((String) -> Void)? = nil
    ) throws {
        var options = LuaTableBuilder.Options()
        options.unwrapLists = unwrapLists
        options.observedName = Array(observedName.utf8)
        options.observe = observe
        try pushJSON(bytes, maximumDepth: maximumDepth, options: options)
    }

    /// Pushes JSON text with explicit builder options (`json.decode` maps null to `json.null`).
    func pushJSON(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int, options: LuaTableBuilder.Options) throws {
        let top = lua_gettop(L)
        do {
            try JSONParser.parse(
                bytes.bindMemory(to: UInt8.self), maximumDepth: maximumDepth, builder: LuaTableBuilder(L: L, options: options))
        } catch {
            lua_settop(L, top)
            throw error
        }
    }
}
