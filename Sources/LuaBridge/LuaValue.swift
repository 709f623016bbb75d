/// A Lua value copied out of (or into) a Lua state; strings keep their exact bytes.
public indirect enum LuaValue: Equatable, Hashable, Sendable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A Lua string: raw bytes, which need not be valid UTF-8.
    case string([UInt8])
    /// A table whose keys are exactly 1...n.
    case array([LuaValue])
    /// Any other table, as key/value pairs (keys sorted for a stable order).
    case table([LuaTableEntry])
    /// A value that cannot be copied (function, thread, userdata), described by `tostring`.
    case opaque(type: String, description: String)

    /// A Lua string made from Swift text.
    public static func text(_ s: String) -> LuaValue { .string(Array(s.utf8)) }

    /// A table made from string keys, in key order.
    public static func map(_ pairs: [String: LuaValue]) -> LuaValue {
        .table(pairs.keys.sorted().map { LuaTableEntry(key: .text($0), value: pairs[$0]!) })
    }

    /// The string as Swift text when it is valid UTF-8.
    public var stringValue: String? {
        guard case .string(let bytes) = self else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of a string key of a table or map, or nil.
    public subscript(key: String) -> LuaValue? {
        guard case .table(let entries) = self else { return nil }
        let k = LuaValue.text(key)
        return entries.first { $0.key == k }?.value
    }

    /// The Lua type name of this value (`nil`, `boolean`, `number`, `string`, `table`, ...).
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array, .table: return "table"
        case .opaque(let type, _): return type
        }
    }
}

/// One key/value pair of a Lua table.
public struct LuaTableEntry: Equatable, Hashable, Sendable {
    /// The key (never nil).
    public var key: LuaValue
    /// The value (never nil).
    public var value: LuaValue

    /// Makes a pair.
    public init(key: LuaValue, value: LuaValue) {
        self.key = key
        self.value = value
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral {
    /// A string literal is a Lua string.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer literal is a Lua integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A boolean literal is a Lua boolean.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A float literal is a Lua float.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `nil` is Lua nil.
    public init(nilLiteral: ()) { self = .nil }
}
