// libFuzzer target: arbitrary bytes to the Lua `json.decode`, and `json.encode` of what it returns.
//
// Properties checked: no crash (ASan, including the C side of Lua), no hang, a Lua stack left
// balanced; when decode succeeds, encode of the result succeeds too, and the value survives:
// decode(encode(v)) equals v (numbers compared with Lua's `==`, since json.decode makes an
// integer of any integral number, `2.0` and `1e2` included, while encode writes an integral
// float as a float). Input: the raw bytes, passed as one Lua string.

import Foundation

/// One state for the whole run: creating a Lua state per input would dominate the time.
nonisolated(unsafe) let fuzzState: LuaState = {
    let state = try! LuaState()
    try! JSONModule.register(in: state)
    return state
}()

let roundTrip = """
    local function same(a, b, depth)
        if a == b then return true end
        if type(a) ~= "table" or type(b) ~= "table" or depth > 200 then return false end
        for k, v in pairs(a) do if not same(v, b[k], depth + 1) then return false end end
        for k in pairs(b) do if a[k] == nil then return false end end
        return true
    end
    local text = ...
    local ok, value = pcall(json.decode, text)
    if not ok then
        if type(value) ~= "string" or not value:find("json.decode", 1, true) then
            return "decode error without a message: " .. tostring(value)
        end
        return nil
    end
    local ok2, once = pcall(json.encode, value)
    if not ok2 then return "encode of a decoded value failed: " .. tostring(once) end
    local ok3, again = pcall(json.decode, once)
    if not ok3 then return "decode of an encoded value failed: " .. tostring(again) .. " for " .. once end
    if not same(value, again, 0) then return "value changed in a round trip through " .. once end
    return nil
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let top = fuzzState.stackTop
    let result: [LuaValue]
    do {
        result = try fuzzState.run(roundTrip, name: "=fuzz", arguments: [.string(bytes)])
    } catch {
        fuzzFail("the round-trip chunk raised: \(error)")
    }
    if let problem = result.first?.stringValue { fuzzFail(problem) }
    guard fuzzState.stackTop == top else { fuzzFail("stack grew from \(top) to \(fuzzState.stackTop)") }
    if fuzzState.memoryInUse > 64 << 20 { fuzzState.collectGarbage() }
    return 0
}
