import Foundation

/// A JSON value with ordered object keys, so responses read in the API's field order.
enum JSONNode: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact JSON text.
    func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// Compact JSON text as UTF-8 bytes (what the server sends).
    func serializedBytes() -> [UInt8] {
        var out = JSONOutput(capacity: 4_096)
        write(into: &out)
        return out.bytes()
    }

    /// Writes UTF-8 bytes: appending to a raw buffer is much cheaper than many small String appends.
    private func write(into out: inout JSONOutput) {
        switch self {
        case .null: out.append("null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .int(let value): out.append(value)
        case .string(let value): JSONNode.writeString(value, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in pairs {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONNode.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ value: String, into out: inout JSONOutput) {
        out.append(UInt8(ascii: "\""))
        // Almost every string needs no escape: scan its contiguous bytes and copy them in one go.
        var text = value
        text.withUTF8 { bytes in
            var plainEnd = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                plainEnd += 1
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[..<plainEnd]))
            for byte in bytes[plainEnd...] {
                switch byte {
                case UInt8(ascii: "\""): out.append(#"\""#)
                case UInt8(ascii: "\\"): out.append(#"\\"#)
                case UInt8(ascii: "\n"): out.append(#"\n"#)
                case UInt8(ascii: "\r"): out.append(#"\r"#)
                case UInt8(ascii: "\t"): out.append(#"\t"#)
                case ..<0x20:
                    out.append(#"\u00"#)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0x0F))
                default: out.append(byte)  // UTF-8 bytes of other scalars never fall below 0x20
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
