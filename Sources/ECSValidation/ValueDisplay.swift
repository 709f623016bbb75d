/// Renders offending values for messages: quoted, escaped, and cut to a fixed length.
enum ValueDisplay {
    /// How many Unicode scalars of a value a message shows.
    static let limit = 64

    /// `"value"`, with quotes, backslashes, control characters and U+FFFD escaped so that the
    /// message stays on one printable line; longer values end in `…` and give their length.
    static func quoted(_ value: String) -> String {
        var out = "\""
        var shown = 0
        var total = 0
        for scalar in value.unicodeScalars {
            total += 1
            guard shown < limit else { continue }
            shown += 1
            out += escaped(scalar)
        }
        out += "\""
        if total > limit {
            out.insert("…", at: out.index(before: out.endIndex))
            out += " (\(total) characters)"
        }
        return out
    }

    /// `U+0009`-style name of a scalar, with the character itself when it is printable.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = codePoint(scalar)
        return isPrintable(scalar) ? "\"\(Character(scalar))\" (\(code))" : code
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFFFD { return false }
        // Separators and format characters would be invisible in a message.
        if v == 0x2028 || v == 0x2029 || (v >= 0x200B && v <= 0x200F) || v == 0xFEFF { return false }
        return true
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            return isPrintable(scalar) || scalar == " "
                ? String(Character(scalar))
                : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
