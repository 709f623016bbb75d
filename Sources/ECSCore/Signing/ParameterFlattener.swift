/// Flattens structured parameters the RPC wire's way: `Features.ImdsSupport`, `Tag.1.Key`, `AddAccount.2`.
public enum ParameterFlattener {
    /// Flattens every top-level parameter; empty lists and maps produce no key, booleans become `true`/`false`.
    public static func flatten(_ params: [String: ParameterValue]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(params.count)
        for (name, value) in params {
            add(value, name: name, into: &out)
        }
        return out
    }

    /// The wire text of a scalar (`nil` for a list or a map).
    public static func scalarText(_ value: ParameterValue) -> String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d):
            // Lua and JSON numbers may arrive as doubles; an API Integer must not gain a ".0".
            if d.isFinite, d == d.rounded(.towardZero), abs(d) < 9.0e15 { return String(Int64(d)) }
            return String(d)
        case .list, .map: return nil
        }
    }

    private static func add(_ value: ParameterValue, name: String, into out: inout [String: String]) {
        switch value {
        case .list(let items):
            for (index, item) in items.enumerated() {
                add(item, name: name + "." + String(index + 1), into: &out)
            }
        case .map(let entries):
            for (key, item) in entries {
                add(item, name: name.isEmpty ? key : name + "." + key, into: &out)
            }
        default:
            out[name] = scalarText(value)
        }
    }
}
