/// Collects flattened wire parameters the way the API expects: booleans `true`/`false`, lists 1-based.
struct ParameterBuilder {
    private(set) var parameters: [String: String] = [:]

    mutating func set(_ name: String, _ value: String?) {
        if let value { parameters[name] = value }
    }

    mutating func set(_ name: String, _ value: Bool?) {
        if let value { parameters[name] = value ? "true" : "false" }
    }

    mutating func set(_ name: String, _ value: Int64?) {
        if let value { parameters[name] = String(value) }
    }

    mutating func set(_ name: String, _ value: Int?) {
        if let value { parameters[name] = String(value) }
    }

    /// `Name.1`, `Name.2`, ... for a repeated scalar (`AddAccount.N`).
    mutating func setList(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() { parameters["\(name).\(index + 1)"] = value }
    }

    /// `Name.N.Key` / `Name.N.Value` for repeated pairs (`Tag.N`, `Filter.N`); a nil value is omitted.
    mutating func setPairs(_ name: String, _ pairs: [KeyValueParameter]) {
        for (index, pair) in pairs.enumerated() {
            parameters["\(name).\(index + 1).Key"] = pair.key
            if let value = pair.value { parameters["\(name).\(index + 1).Value"] = value }
        }
    }
}
