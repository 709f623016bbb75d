/// Allocation-free character classes and searches over `unicodeScalars` and `utf8`.
enum TextScan {
    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    @inline(__always)
    static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// CJK Unified Ideographs and extension A: the "Chinese characters" of the name rule.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Allowed after the first character of a name: letters, CJK, digits, `.`, `:`, `_`, `-`.
    @inline(__always)
    static func isNameBody(_ v: UInt32) -> Bool {
        isASCIILetter(v) || isASCIIDigit(v) || v == 0x2E || v == 0x3A || v == 0x5F || v == 0x2D
            || isCJK(v)
    }

    /// Whether `text` starts with `lowercasePrefix` (ASCII), ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ text: String, _ lowercasePrefix: StaticString) -> Bool {
        lowercasePrefix.withUTF8Buffer { prefix in
            var it = text.utf8.makeIterator()
            for p in prefix {
                guard let c = it.next(), lowered(c) == p else { return false }
            }
            return true
        }
    }

    /// Whether `text` contains `lowercaseNeedle` (ASCII) anywhere, ignoring ASCII case.
    static func containsIgnoringCase(_ text: String, _ lowercaseNeedle: StaticString) -> Bool {
        lowercaseNeedle.withUTF8Buffer { needle in
            let bytes = Array(text.utf8)
            guard needle.count <= bytes.count else { return false }
            var start = 0
            while start + needle.count <= bytes.count {
                var i = 0
                while i < needle.count && lowered(bytes[start + i]) == needle[i] { i += 1 }
                if i == needle.count { return true }
                start += 1
            }
            return false
        }
    }

    /// Number of Unicode scalars, the unit every length rule counts in.
    static func scalarCount(_ text: String) -> Int {
        var n = 0
        for _ in text.unicodeScalars { n += 1 }
        return n
    }

    /// Whether `text` is non-empty and only ASCII digits.
    static func isDigits(_ text: String) -> Bool {
        var any = false
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return false }
            any = true
        }
        return any
    }

    @inline(__always)
    private static func lowered(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }

    /// What one pass over a name finds: its length in scalars, whether the first character may start a
    /// name, whether it starts with `a`/`A` (so the reserved prefixes need a look), and the 1-based
    /// position of the first character not allowed in the rest of a name (0 when there is none).
    struct NameScan {
        var count = 0
        var firstOK = false
        var startsWithA = false
        var badIndex = 0
    }

    /// Scans valid UTF-8 (every Swift string is) once, decoding only non-ASCII sequences.
    static func scanName(_ bytes: UnsafeBufferPointer<UInt8>) -> NameScan {
        var scan = NameScan()
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            var v = UInt32(b0)
            if b0 < 0x80 {
                i += 1
            } else if b0 < 0xE0 {
                v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                    | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            if scan.count == 0 {
                scan.firstOK = isASCIILetter(v) || isCJK(v)
                scan.startsWithA = v == 0x61 || v == 0x41
            } else if scan.badIndex == 0 && !isNameBody(v) {
                scan.badIndex = scan.count + 1
            }
            scan.count += 1
        }
        return scan
    }

    /// Whether `text` is 1...`maxLength` bytes of printable ASCII other than space (a fast accept path).
    static func isVisibleASCII(_ text: String, maxLength: Int) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maxLength else { return false }
        for b in utf8 where b <= 0x20 || b >= 0x7F { return false }
        return true
    }
}
