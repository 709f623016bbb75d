import Foundation

/// The fields of an XML error answer (`<Error><Code>…</Code><Message>…</Message>…</Error>`), which the
/// service sends as `text/xml` when the request asked for XML or a gateway answers before the API does.
/// Only the flat text elements an error body has are read; anything else is ignored.
struct XMLErrorBody {
    /// Text of each simple element found (`Code`, `Message`, `RequestId`, `HostId`, `Recommend`, ...), entities decoded.
    private(set) var fields: [String: String] = [:]

    /// Reads `text`; nil when it is not an XML document whose root element is `Error`.
    init?(_ text: Substring) {
        var rest = text.drop { $0.isWhitespace }
        if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") { rest = rest[end.upperBound...].drop { $0.isWhitespace } }
        guard rest.hasPrefix("<Error>") || rest.hasPrefix("<Error "), rest.contains("</Error>") else { return nil }
        var cursor = rest.index(after: rest.startIndex)
        while let open = rest[cursor...].firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let name = rest[rest.index(after: open)..<close]
            cursor = rest.index(after: close)
            guard Self.isSimpleName(name), let endTag = rest[cursor...].range(of: "</\(name)>"),
                !rest[cursor..<endTag.lowerBound].contains("<")
            else { continue }
            if fields[String(name)] == nil { fields[String(name)] = Self.decodeEntities(rest[cursor..<endTag.lowerBound]) }
            cursor = endTag.upperBound
        }
    }

    /// Whether `name` is a plain element name (no attributes, not a closing tag, comment or declaration).
    private static func isSimpleName(_ name: Substring) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Replaces the five predefined entities and numeric character references.
    static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let name = rest[rest.index(after: amp)...].prefix { $0 == "#" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            guard name.count <= 10, name.endIndex < rest.endIndex, rest[name.endIndex] == ";" else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let semi = name.endIndex
            out += decodeEntity(name) ?? String(rest[amp...semi])
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// One entity's text (`lt`, `#60`, `#x3C`, ...), or nil when it is not one we know.
    private static func decodeEntity(_ entity: Substring) -> String? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
