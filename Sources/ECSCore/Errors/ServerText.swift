/// Text that a server chose (an error's code, message, ids), made safe to print on a terminal: control
/// characters and bidirectional overrides become visible escapes, so an answer cannot clear the screen,
/// retitle the window, forge extra lines or reorder what the user reads.
public enum ServerText {
    /// `text` with each control character (C0, DEL, C1) and bidirectional control shown as `\xHH` or `\u{HHHH}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                out += "\\x" + hex(scalar.value, digits: 2)
            } else {
                out += "\\u{" + hex(scalar.value, digits: 4) + "}"
            }
        }
        return out
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension ECSServiceError {
    /// The error with every text the server chose (code, message, request id, host id, recommend) passed
    /// through `transform`.
    public func mappingServerTexts(_ transform: (String) -> String) -> ECSServiceError {
        var copy = self
        copy.code = transform(code)
        copy.message = transform(message)
        copy.requestId = requestId.map(transform)
        copy.hostId = hostId.map(transform)
        copy.recommend = recommend.map(transform)
        return copy
    }
}
