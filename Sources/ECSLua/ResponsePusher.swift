import ECSCore
import JSONText
import LuaBridge

/// Pushes API responses as Lua tables: field names kept, integers as Lua integers, and (unless raw)
/// the wire's list wrappers removed (`Images.Image` → `Images`, `Tags.Tag` → `Tags`).
struct ResponsePusher {
    /// Keep the wire's wrapper objects (`ecs.call`).
    var raw = false
    /// Where the `ImageId`s met on the way are noted, for the REPL's completion.
    var seen: SeenImageIds?

    /// Deepest nesting of an answer.
    static let maximumDepth = 100

    /// Pushes one value.
    func push(_ value: JSONValue, on call: LuaCall) throws {
        try push(value, key: nil, on: call, depth: 0)
    }

    /// Pushes an answer; JSON text goes from its bytes straight into Lua tables, with the same shape.
    func push(_ payload: ResponsePayload, on call: LuaCall) throws {
        switch payload {
        case .value(let value):
            try push(value, on: call)
        case .text(let data):
            let seen = self.seen
            do {
                try data.withUnsafeBytes { bytes in
                    try call.pushJSON(
                        bytes, maximumDepth: Self.maximumDepth, unwrapLists: !raw, observedName: "ImageId",
                        observe: seen.map { seen in { seen.record($0) } })
                }
            } catch let error as JSONParseError {
                throw ECSClientError.decoding("response is not valid JSON (\(data.count) bytes: \(error))")
            }
        }
    }

    private func push(_ value: JSONValue, key: String?, on call: LuaCall, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw ECSLuaError(code: "Client.Decoding", message: "response nests too deeply") }
        try call.ensureStack(4)
        switch value {
        case .null: call.pushNil()
        case .bool(let b): call.push(b)
        case .int(let i): call.push(i)
        case .double(let d): call.push(d)
        case .string(let s):
            if key == "ImageId" { seen?.record(s) }
            call.push(s)
        case .array(let items):
            call.pushTable(array: items.count)
            for (i, item) in items.enumerated() {
                try push(item, key: nil, on: call, depth: depth + 1)
                call.setElement(of: -2, Int64(i + 1))
            }
        case .object(let members):
            if !raw, let key, let list = Self.unwrappedList(key: key, members: members) {
                try push(.array(list), key: nil, on: call, depth: depth)
                return
            }
            call.pushTable(fields: members.count)
            for (name, member) in members where !member.isNull {
                try push(member, key: name, on: call, depth: depth + 1)
                call.setField(of: -2, name)
            }
        }
    }

    /// The list inside a wrapper such as `"Images": {"Image": [...]}` (one member, named like the
    /// key without its plural `s`); a lone object is a one-element list, an empty wrapper an empty one.
    static func unwrappedList(key: String, members: [String: JSONValue]) -> [JSONValue]? {
        guard key.hasSuffix("s") else { return nil }
        if members.isEmpty { return [] }
        guard members.count == 1, let (inner, value) = members.first, inner + "s" == key else { return nil }
        switch value {
        case .array(let items): return items
        case .object: return [value]
        case .null: return []
        default: return nil
        }
    }
}
