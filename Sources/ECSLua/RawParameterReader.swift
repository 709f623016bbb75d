import ECSCore
import LuaBridge

/// Reads `ecs.call`'s parameter table as given: scalars as they are, arrays as lists (`Name.1`),
/// other tables as maps (`Name.Key`); nothing is checked against a model.
struct RawParameterReader {
    let call: LuaCall
    let action: String
    let location: String?

    /// The parameters of the table at `index` (absent or nil: none).
    func read(at index: Int32) throws -> [String: ParameterValue] {
        if call.isNil(at: index) { return [:] }
        guard call.isTable(at: index) else {
            throw failure("parameters of \(action) must be a table, got \(call.typeName(at: index))")
        }
        guard case .map(let map) = try value(at: index < 0 ? call.top + index + 1 : index, name: "", depth: 0) else {
            throw failure("parameters of \(action) must be a table of named parameters, not an array")
        }
        return map
    }

    private func value(at index: Int32, name: String, depth: Int) throws -> ParameterValue {
        guard depth < 16 else { throw failure("parameter '\(name)' nests too deeply") }
        do {
            if let s = try call.exactString(at: index) { return .string(s) }
        } catch let invalid as InvalidUTF8 {
            throw failure("parameter '\(name)' of \(action) must be valid UTF-8 text: \(invalid) starts no UTF-8 character")
        }
        // A named json.null is skipped as absent (below); in a list it would leave a gap in Name.1, Name.2, ...
        if call.isJSONNull(at: index) {
            throw failure("parameter '\(name)' of \(action) is json.null: a list item cannot be absent")
        }
        if let i = call.integer(at: index) { return .int(i) }
        if let d = call.number(at: index) { return .double(d) }
        if let b = call.boolean(at: index) { return .bool(b) }
        guard call.isTable(at: index) else {
            throw failure("parameter '\(name)' of \(action) cannot be a \(call.typeName(at: index))")
        }
        let count = call.rawLength(at: index)
        var named: [String: ParameterValue] = [:]
        var pairs = 0
        var firstIndex: Int64?
        try call.forEachPair(of: index) {
            // A named json.null (decoded JSON) is an absent parameter, as nil is.
            if call.string(at: -2) != nil && call.isJSONNull(at: -1) { return }
            pairs += 1
            if let key = call.string(at: -2) {
                named[key] = try value(at: call.top, name: name.isEmpty ? key : name + "." + key, depth: depth + 1)
            } else if let i = call.integer(at: -2) {
                firstIndex = min(firstIndex ?? i, i)
            } else {
                let owner = name.isEmpty ? "parameters of \(action) have" : "parameter '\(name)' of \(action) has"
                throw failure("\(owner) a \(call.typeName(at: -2)) key")
            }
        }
        if count > 0 && named.isEmpty && pairs == count && depth > 0 {
            var items: [ParameterValue] = []
            for i in 1...count {
                call.pushElement(of: index, Int64(i))
                defer { call.pop() }
                items.append(try value(at: call.top, name: "\(name).\(i)", depth: depth + 1))
            }
            return .list(items)
        }
        guard named.count == pairs else {
            if depth == 0 {
                throw failure("parameters of \(action) must be named (Name = value), got an array item [\(firstIndex ?? 1)]")
            }
            if named.isEmpty {
                throw failure("parameter '\(name)' of \(action) is an array with holes: its keys must be 1 to n without a gap")
            }
            throw failure("parameter '\(name)' of \(action) mixes array items and named fields")
        }
        return .map(named)
    }

    private func failure(_ message: String) -> ECSLuaError {
        ECSLuaError(code: "InvalidParameter", message: message, action: action, location: location)
    }
}
