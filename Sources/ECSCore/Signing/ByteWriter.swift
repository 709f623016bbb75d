import Foundation

/// A cursor over caller-provided memory for building signing strings byte by byte, without intermediate Strings.
///
/// The caller sizes the memory from the inputs (each `write` documents its worst case); writing past
/// the capacity is a programming error and traps.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    private static let upperHex: StaticString = "0123456789ABCDEF"
    private static let lowerHex: StaticString = "0123456789abcdef"
    private static let base64Alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Builds a String of at most `capacity` UTF-8 bytes directly in its own storage.
    static func string(capacity: Int, _ body: (inout ByteWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
            var writer = ByteWriter(base: buffer.baseAddress!, capacity: buffer.count)
            body(&writer)
            return writer.count
        }
    }

    /// Lends scratch memory of `capacity` bytes (on the stack when small) and returns what `body` returns.
    static func withScratch<R>(capacity: Int, _ body: (inout ByteWriter) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
            var writer = ByteWriter(base: buffer.baseAddress!, capacity: buffer.count)
            return body(&writer)
        }
    }

    /// The bytes written so far; valid only inside the `withScratch`/`string` closure.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Writes one byte.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        precondition(count < capacity, "ByteWriter overflow")
        base[count] = byte
        count += 1
    }

    /// Writes raw bytes.
    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + bytes.count <= capacity, "ByteWriter overflow")
        if let source = bytes.baseAddress, bytes.count > 0 {
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
    }

    /// Writes a string's UTF-8 bytes as they are.
    @inline(__always)
    mutating func write(_ s: String) {
        ByteWriter.withUTF8(s) { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes a literal's bytes.
    @inline(__always)
    mutating func write(_ s: StaticString) {
        write(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Writes a string's bytes without leading or trailing space, tab, CR or LF (as canonical header values are).
    mutating func writeTrimmed(_ s: String) {
        ByteWriter.withUTF8(s) { bytes in
            var start = 0
            var end = bytes.count
            while start < end && ByteWriter.isSpace(bytes[start]) { start += 1 }
            while end > start && ByteWriter.isSpace(bytes[end - 1]) { end -= 1 }
            write(UnsafeRawBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: end - start))
        }
    }

    /// Writes `s` percent-encoded (worst case 3 bytes per byte): unreserved bytes literal, space `+` when asked.
    mutating func writePercentEncoded(_ s: String, spaceAsPlus: Bool) {
        writeEscaped(s, spaceAsPlus: spaceAsPlus, escape: "%")
    }

    /// Writes `s` percent-encoded twice over (worst case 5 bytes per byte), as RPC v1 signs its canonical query.
    mutating func writeDoublyPercentEncoded(_ s: String) {
        writeEscaped(s, spaceAsPlus: false, escape: "%25")
    }

    /// Writes `bytes` as standard base64, form-encoded (`+` `%2B`, `/` `%2F`, `=` `%3D`): at most 12 bytes per started 3.
    mutating func writeFormEncodedBase64(_ bytes: UnsafeRawBufferPointer) {
        ByteWriter.withScratch(capacity: (bytes.count + 2) / 3 * 4) { base64 in
            base64.writeBase64(bytes)
            writeEscaped(base64.written.assumingMemoryBound(to: UInt8.self), spaceAsPlus: true, escape: "%")
        }
    }

    /// `writeEscaped` of a string's UTF-8 bytes.
    @inline(__always)
    private mutating func writeEscaped(_ s: String, spaceAsPlus: Bool, escape: StaticString) {
        ByteWriter.withUTF8(s) { writeEscaped($0, spaceAsPlus: spaceAsPlus, escape: escape) }
    }

    /// Unreserved bytes as they are, space as `+` when asked, every other byte as `escape` and two hex digits.
    @inline(__always)
    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, spaceAsPlus: Bool, escape: StaticString) {
        let escapeLength = escape.utf8CodeUnitCount
        precondition(count + (escapeLength + 2) * bytes.count <= capacity, "ByteWriter overflow")
        let hex = ByteWriter.upperHex.utf8Start
        var out = base + count
        guard let source = bytes.baseAddress else { return }
        var index = 0
        while index < bytes.count {
            // Runs of unreserved bytes, the usual case, are copied whole.
            var end = index
            while end < bytes.count && PercentEncoding.isUnreserved(source[end]) { end += 1 }
            if end > index {
                out.update(from: source + index, count: end - index)
                out += end - index
                index = end
                if index == bytes.count { break }
            }
            let byte = source[index]
            index += 1
            if spaceAsPlus && byte == UInt8(ascii: " ") {
                out.pointee = UInt8(ascii: "+")
                out += 1
            } else {
                out.update(from: escape.utf8Start, count: escapeLength)
                out[escapeLength] = hex[Int(byte >> 4)]
                out[escapeLength + 1] = hex[Int(byte & 0x0F)]
                out += escapeLength + 2
            }
        }
        count = out - base
    }

    /// Copies percent-encoded bytes, writing each `%20` as `+` (the form encoding of a space); at most as many bytes.
    mutating func writeSpacesAsPlus(_ encoded: UnsafeRawBufferPointer) {
        precondition(count + encoded.count <= capacity, "ByteWriter overflow")
        var index = 0
        while index < encoded.count {
            if encoded[index] == UInt8(ascii: "%"), index + 2 < encoded.count, encoded[index + 1] == UInt8(ascii: "2"),
                encoded[index + 2] == UInt8(ascii: "0")
            {
                base[count] = UInt8(ascii: "+")
                index += 3
            } else {
                base[count] = encoded[index]
                index += 1
            }
            count += 1
        }
    }

    /// Writes bytes as lower-case hex (2 bytes per byte).
    mutating func writeLowerHex(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + 2 * bytes.count <= capacity, "ByteWriter overflow")
        let hex = ByteWriter.lowerHex.utf8Start
        for byte in bytes {
            base[count] = hex[Int(byte >> 4)]
            base[count + 1] = hex[Int(byte & 0x0F)]
            count += 2
        }
    }

    /// Writes bytes as padded standard base64 (4 bytes per started 3).
    mutating func writeBase64(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + (bytes.count + 2) / 3 * 4 <= capacity, "ByteWriter overflow")
        let alphabet = ByteWriter.base64Alphabet.utf8Start
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            write(alphabet[Int(triple >> 18 & 0x3F)])
            write(alphabet[Int(triple >> 12 & 0x3F)])
            write(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 0x3F)] : UInt8(ascii: "="))
            write(index + 2 < bytes.count ? alphabet[Int(triple & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
    }

    /// Calls `body` with a string's contiguous UTF-8 bytes (copying only a bridged, non-native string).
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        return copy.withUTF8(body)
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes (code point order), as the SDKs sort parameter names.
    static func precedesByBytes(_ a: String, _ b: String) -> Bool {
        withUTF8(a) { left in
            withUTF8(b) { right in
                let shared = min(left.count, right.count)
                if shared > 0 {
                    let order = memcmp(left.baseAddress!, right.baseAddress!, shared)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// The first eight UTF-8 bytes of `s` as a big-endian integer, zero-padded: keys that differ order as the strings do.
    @inline(__always)
    static func sortKey(_ s: String) -> UInt64 {
        withUTF8(s) { bytes in
            var key: UInt64 = 0
            for index in 0..<8 { key = key << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
            return key
        }
    }

    /// Whether `byte` is a space, tab, LF or CR: what header values are trimmed of.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
