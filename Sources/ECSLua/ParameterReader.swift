import ECSCore
import ECSValidation
import LuaBridge

/// Reads a Lua parameter table against an action's model: PascalCase names, types checked, nested
/// `Features`, arrays for lists; every mistake becomes an `InvalidParameter` error object.
struct ParameterReader {
    let call: LuaCall
    let schema: ActionSchema
    let location: String?

    /// The parameters of the table at `index` (absent or nil: no parameters).
    func read(at index: Int32) throws -> [String: ParameterValue] {
        if call.isNil(at: index) { return [:] }
        if call.isECSModule(at: index) { throw ECSLuaError.methodCall(schema.function, location: location) }
        guard call.isTable(at: index) else {
            throw failure(nil, "parameters of \(schema.action) must be a table, got \(call.typeName(at: index))")
        }
        return try readStructure(at: absolute(index), fields: schema.fields, path: "")
    }

    private func absolute(_ index: Int32) -> Int32 { index < 0 ? call.top + index + 1 : index }

    private func readStructure(at index: Int32, fields: [ParameterField], path: String) throws -> [String: ParameterValue] {
        var out: [String: ParameterValue] = [:]
        try call.forEachPair(of: index) {
            guard let key = call.string(at: -2) else {
                let shown = call.describe(at: -2)
                throw failure(path.isEmpty ? nil : path, "parameter keys of \(schema.action) must be names, got \(call.typeName(at: -2)) key \(shown)" + (path.isEmpty ? "" : " in '\(path)'"))
            }
            // A null of decoded JSON (`json.decode` → `json.null`) is an absent parameter, as nil is.
            if call.isJSONNull(at: -1) { return }
            let qualified = path.isEmpty ? key : path + "." + key
            guard let field = fields.first(where: { $0.name == key }) else {
                throw unknown(key, qualified: qualified, fields: fields, path: path)
            }
            out[key] = try readValue(at: call.top, type: field.type, name: qualified)
        }
        return out
    }

    private func readValue(at index: Int32, type: ParameterType, name: String) throws -> ParameterValue {
        switch type {
        case .string:
            let text = try call.parameterString(at: index, parameter: Self.wireName(name), shownAs: name, action: schema.action, location: location)
            guard let s = text else { throw wrongType(name, type, at: index) }
            if s.isEmpty { throw empty(name) }
            return .string(s)
        case .integer:
            guard let i = call.integer(at: index) else {
                if call.number(at: index) != nil {
                    throw failure(name, "parameter '\(name)' of \(schema.action) must be an integer, got \(call.describe(at: index))")
                }
                throw wrongType(name, type, at: index)
            }
            return .int(i)
        case .boolean:
            guard let b = call.boolean(at: index) else { throw wrongType(name, type, at: index) }
            return .bool(b)
        case .structure(let fields):
            guard call.isTable(at: index) else { throw wrongType(name, type, at: index) }
            return .map(try readStructure(at: index, fields: fields, path: name))
        case .list(let element):
            guard call.isTable(at: index) else { throw wrongType(name, type, at: index) }
            return .list(try readList(at: index, element: element, name: name, type: type))
        }
    }

    private func readList(at index: Int32, element: ParameterType, name: String, type: ParameterType) throws -> [ParameterValue] {
        let count = call.rawLength(at: index)
        var pairs = 0
        try call.forEachPair(of: index) { pairs += 1 }
        guard pairs == count else {
            throw failure(name, "parameter '\(name)' of \(schema.action) must be \(type.withArticle), e.g. " + example(for: element, name: name))
        }
        var items: [ParameterValue] = []
        items.reserveCapacity(count)
        for i in 0..<count {
            call.pushElement(of: index, Int64(i + 1))
            defer { call.pop() }
            let itemName = "\(name)[\(i + 1)]"
            // An absent or empty item would leave a gap in Name.1, Name.2, ... on the wire.
            if call.isJSONNull(at: call.top) {
                throw failure(itemName, "parameter '\(itemName)' of \(schema.action) is json.null: a list item cannot be absent")
            }
            let item = try readValue(at: call.top, type: element, name: itemName)
            if case .map(let fields) = item, fields.isEmpty {
                throw failure(itemName, "parameter '\(itemName)' of \(schema.action) is empty, e.g. " + example(for: element, name: name))
            }
            items.append(item)
        }
        return items
    }

    private func example(for element: ParameterType, name: String) -> String {
        switch element {
        case .structure(let fields): return "\(name) = { {" + fields.map { "\($0.name) = ..." }.joined(separator: ", ") + "} }"
        default: return "\(name) = { \"...\" }"
        }
    }

    private func wrongType(_ name: String, _ type: ParameterType, at index: Int32) -> ECSLuaError {
        failure(name, "parameter '\(name)' of \(schema.action) must be \(type.withArticle), got \(call.typeName(at: index))")
    }

    /// An empty string, which the Lua API refuses with the code the server gives for a malformed value.
    private func empty(_ name: String) -> ECSLuaError {
        refusal(ParameterRules.emptyValue(parameter: Self.wireName(name)), name)
    }

    /// `Tag[2].Key` as the wire spells it, `Tag.2.Key`, so a rule finds the parameter's own code.
    private static func wireName(_ name: String) -> String {
        name.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
    }

    /// A rule's refusal as the Lua error of this call.
    private func refusal(_ error: ValidationError, _ name: String) -> ECSLuaError {
        ECSLuaError(code: error.code, message: error.message, action: schema.action, parameter: name, location: location)
    }

    /// An unknown key: the message names the valid key it most likely meant. A wire-style name
    /// (`Features.ImdsSupport`, `Tag.1.Key`) is shown as the nested table it should be; a nested field
    /// given at the top (`ImdsSupport`) is shown inside its parent.
    private func unknown(_ key: String, qualified: String, fields: [ParameterField], path: String) -> ECSLuaError {
        var text = "unknown parameter '\(KeyDisplay.shown(qualified))' for \(schema.action)"
        let prefix = path.isEmpty ? "" : path + "."
        if let dot = key.firstIndex(of: "."), let parent = fields.first(where: { $0.name == key[..<dot] }) {
            text += "; nested parameters are tables: " + nestedExample(parent, member: String(key[key.index(after: dot)...]))
        } else if let hint = NameSuggester.suggestion(for: key, among: fields.map(\.name)) {
            text += "; did you mean '\(prefix + hint)'?"
        } else if let (parent, member) = nestedMatch(key, in: fields) {
            text += "; did you mean '\(prefix + parent.name).\(member)'? (" + nestedExample(parent, member: member) + ")"
        } else if let closest = NameSuggester.closest(to: key, among: fields.map(\.name)) {
            text += "; the closest valid name is '\(prefix + closest)' (help(ecs.\(schema.function)) lists them all)"
        }
        return failure(KeyDisplay.shown(qualified), text)
    }

    /// A field of one of `fields`' structures that `key` names (case- and underscore-insensitively, or with a typo).
    private func nestedMatch(_ key: String, in fields: [ParameterField]) -> (ParameterField, String)? {
        for field in fields {
            guard case .structure(let members) = field.type,
                let member = NameSuggester.suggestion(for: key, among: members.map(\.name))
            else { continue }
            return (field, member)
        }
        return nil
    }

    /// How `parent` is written in Lua: `Features = { ImdsSupport = ... }`, `Tag = { {Key = ..., Value = ...} }`.
    private func nestedExample(_ parent: ParameterField, member: String) -> String {
        switch parent.type {
        case .structure(let members):
            let name = NameSuggester.suggestion(for: member, among: members.map(\.name)) ?? members.first?.name ?? member
            return "\(parent.name) = { \(name) = ... }"
        case .list(let element):
            return example(for: element, name: parent.name)
        default:
            return "\(parent.name) = ..."
        }
    }

    private func failure(_ parameter: String?, _ message: String) -> ECSLuaError {
        ECSLuaError(code: "InvalidParameter", message: message, action: schema.action, parameter: parameter, location: location)
    }
}
