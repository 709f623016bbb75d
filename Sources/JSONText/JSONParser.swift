/// A strict RFC 8259 parser over UTF-8 bytes that hands each value to a `JSONBuilder` as it reads it.
///
/// One pass, no intermediate tree: the builder decides what a value becomes. Numbers follow
/// `JSONDecoder`: a whole value that fits in 64 bits is an integer however it is spelt. Refused:
/// trailing commas, leading zeros, invalid UTF-8, unpaired surrogates, unescaped control characters,
/// numbers beyond Double's range, nesting deeper than the limit, and anything after the value.
public struct JSONParser<Builder: JSONBuilder> {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let maximumDepth: Int
    @usableFromInline var index = 0
    @usableFromInline var depth = 0
    @usableFromInline var scratch: [UInt8] = []
    @usableFromInline var builder: Builder

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, builder: Builder) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.builder = builder
    }

    /// Parses one JSON text (any value at the top, whitespace around it, nothing after it) into `builder`.
    @inlinable
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, builder: Builder
    ) throws -> Builder.Value {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth, builder: builder)
        parser.skipWhitespace()
        let value = try parser.readValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    @inlinable
    func failure(_ reason: String) -> JSONParseError {
        JSONParseError(reason: reason, offset: index)
    }

    @inlinable
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    @inlinable
    mutating func readValue() throws -> Builder.Value {
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return try readString { parser, utf8 in try parser.builder.string(utf8) }
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return try builder.bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return try builder.bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return try builder.null()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw failure("unexpected character")
        }
    }

    @inlinable
    mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw failure("invalid literal") }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    @inlinable
    mutating func enter() throws {
        depth += 1
        guard depth <= maximumDepth else { throw failure("nesting deeper than \(maximumDepth)") }
        index += 1
        skipWhitespace()
    }

    @inlinable
    mutating func readObject() throws -> Builder.Value {
        try enter()
        defer { depth -= 1 }
        var object = try builder.beginObject()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return try builder.endObject(object)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            try readString { parser, utf8 in try parser.builder.name(utf8, in: &object) }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try readValue()
            try builder.member(value, in: &object)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return try builder.endObject(object)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    @inlinable
    mutating func readArray() throws -> Builder.Value {
        try enter()
        defer { depth -= 1 }
        var array = try builder.beginArray()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return try builder.endArray(array)
        }
        while true {
            let value = try readValue()
            try builder.element(value, in: &array)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return try builder.endArray(array)
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    /// Reads a string from its opening quote and hands its validated UTF-8 bytes to `deliver`: in place
    /// when it has no escape, else decoded into the scratch buffer.
    @inlinable
    mutating func readString<R>(_ deliver: (inout JSONParser, UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if !ascii && !JSONUTF8.isValid(slice) { throw failure("invalid UTF-8 in a string") }
                index += 1
                return try deliver(&self, slice)
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start, deliver) }
            if byte < 0x20 { throw failure("unescaped control character in a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw failure("unterminated string")
    }

    /// The slow path of `readString`, once an escape has been seen.
    @inlinable
    mutating func readEscapedString<R>(
        from start: Int, _ deliver: (inout JSONParser, UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        var out = scratch
        scratch = []
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let result = try out.withUnsafeBufferPointer { text -> R in
                    guard JSONUTF8.isValid(text) else { throw failure("invalid UTF-8 in a string") }
                    return try deliver(&self, text)
                }
                scratch = out
                return result
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &out)
                default: throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("unescaped control character in a string") }
                out.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Decodes `XXXX` after `\u` (and a following `\uXXXX` low surrogate) into UTF-8; lone surrogates are refused.
    @inlinable
    mutating func appendUnicodeEscape(to out: inout [UInt8]) throws {
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired surrogate in \\u escape") }
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw failure("unpaired surrogate in \\u escape")
        }
        out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
    }

    @inlinable
    mutating func readHex4() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads a number: a whole value that fits in 64 bits goes to `int`, anything else to `double`.
    @inlinable
    mutating func readNumber() throws -> Builder.Value {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number") }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) { throw failure("leading zero in a number") }
        } else {
            while index < bytes.count && isDigit(bytes[index]) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = sum
                index += 1
            }
        }
        var integral = true
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            try readDigits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            integral = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            try readDigits()
        }
        if integral && !overflow {
            if !negative && magnitude <= UInt64(Int64.max) { return try builder.int(Int64(magnitude)) }
            if negative && magnitude <= UInt64(Int64.max) + 1 {
                return try builder.int(Int64(truncatingIfNeeded: 0 &- magnitude))
            }
        }
        // Double(String) reads in the C locale whatever setlocale said (strtod would not).
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(reason: "number out of range", offset: start)
        }
        if value.rounded(.towardZero) == value && value >= -0x1p63 && value < 0x1p63 { return try builder.int(Int64(value)) }
        return try builder.double(value)
    }

    @inlinable
    mutating func readDigits() throws {
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number") }
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }

    @inlinable
    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
