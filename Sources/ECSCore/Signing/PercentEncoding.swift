/// RFC 3986 percent-encoding as Alibaba Cloud signs it, on UTF-8 bytes: `A-Z a-z 0-9 - _ . ~` kept, all else `%XX`.
public enum PercentEncoding {
    // Bit b of the low word: byte b (0-63) is unreserved (`-`, `.`, `0-9`); of the high word: byte 64 + b is
    // (`A-Z`, `_`, `a-z`, `~`). No byte from 128 up is.
    private static let unreservedLow: UInt64 = 0x03FF_6000_0000_0000
    private static let unreservedHigh: UInt64 = 0x47FF_FFFE_87FF_FFFE

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        let word = byte < 64 ? unreservedLow : byte < 128 ? unreservedHigh : 0
        return word >> (byte & 63) & 1 == 1
    }

    /// Encodes for signing: space becomes `%20`, `*` becomes `%2A`, `~` stays literal, hex is upper case.
    public static func encode(_ s: String) -> String {
        encode(s, spaceAsPlus: false)
    }

    /// Encodes for an `application/x-www-form-urlencoded` wire form: as `encode`, but space becomes `+`.
    public static func formEncode(_ s: String) -> String {
        encode(s, spaceAsPlus: true)
    }

    /// Decodes `%XX` escapes (and `+` as space when asked); nil for a malformed escape or bytes that are not UTF-8.
    public static func decode(_ s: String, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var iterator = s.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            } else if plusIsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return validUTF8(bytes)
    }

    // MARK: - Internals shared by CanonicalQuery and WireQuery

    static func encode(_ s: String, spaceAsPlus: Bool) -> String {
        var literal = true
        for byte in s.utf8 where !isUnreserved(byte) {
            literal = false
            break
        }
        if literal { return s }
        return ByteWriter.string(capacity: 3 * s.utf8.count) { $0.writePercentEncoded(s, spaceAsPlus: spaceAsPlus) }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    static func validUTF8(_ bytes: [UInt8]) -> String? {
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }
}
