import Foundation
import ECSValidation

/// The business parameters of one request, with typed accessors that fail the way ECS does.
struct RequestParameters {
    /// Protocol parameters that are not part of any action's own parameters.
    static let protocolNames: Set<String> = [
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
        "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken",
    ]

    let values: [String: String]

    /// The action parameters of a decoded request (protocol parameters removed).
    init(_ all: [String: String]) {
        values = all.filter { !RequestParameters.protocolNames.contains($0.key) }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A required parameter, or `MissingParameter`.
    func required(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw EmulatorError.missing(name) }
        return value
    }

    /// A boolean: `true`/`false` in any case (Python SDKs send `True`/`False`).
    func bool(_ name: String) throws -> Bool? {
        guard let text = values[name] else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw EmulatorError.invalid(name, text)
        }
    }

    /// A positive integer within `range`, or the default when absent.
    func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else { throw EmulatorError.invalid(name, text) }
        return value
    }

    /// The values of a repeated list `Name.1`, `Name.2`, ... in index order.
    func list(_ name: String) -> [String] {
        indexed(name).map { $0.1 }
    }

    /// The `Key`/`Value` pairs of a repeated structure `Name.N.Key`, `Name.N.Value`.
    func pairs(_ name: String) -> [(key: String, value: String?)] {
        // Names are read exactly as RequestValidator reads them (`ParameterRules.listIndex`), so that
        // look-alikes such as `Filter.1..Value` or `Filter.01.Value` never stand in for `Filter.1.Value`.
        var keys: [Int: String] = [:]
        var vals: [Int: String] = [:]
        let prefix = name + "."
        for (key, value) in values where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let index = ParameterRules.listIndex(rest[..<dot]) else { continue }
            switch rest[rest.index(after: dot)...] {
            case "Key": keys[index] = value
            case "Value": vals[index] = value
            default: continue
            }
        }
        return keys.keys.sorted().map { (key: keys[$0]!, value: vals[$0]) }
    }

    /// The entries of `Name.N` with their index N.
    func indexed(_ name: String) -> [(Int, String)] {
        values.compactMap { key, value -> (Int, String)? in
            guard key.hasPrefix(name + "."), let index = ParameterRules.listIndex(key.dropFirst(name.count + 1)) else {
                return nil
            }
            return (index, value)
        }.sorted { $0.0 < $1.0 }
    }
}
