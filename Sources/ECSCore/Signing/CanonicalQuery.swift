/// The canonical query string both signature schemes sign: `pe(k)=pe(v)` sorted by key bytes, joined by `&`.
public enum CanonicalQuery {
    /// Builds the canonical query; keys sort by UTF-8 bytes (so `Tag.1` < `Tag.10` < `Tag.2`), empty values give `k=`.
    public static func make(_ params: [String: String]) -> String {
        if params.isEmpty { return "" }
        return join(sortedKeys(params).map { ($0, params[$0]!) }, spaceAsPlus: false)
    }

    /// Keys in the order the SDKs sign them: plain byte-wise (code point) order.
    static func sortedKeys(_ params: [String: String]) -> [String] {
        params.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Encodes and joins pairs in the given order, into one buffer.
    static func join(_ pairs: [(String, String)], spaceAsPlus: Bool) -> String {
        var capacity = 0
        for (key, value) in pairs { capacity += key.utf8.count + value.utf8.count + 2 }
        var out: [UInt8] = []
        out.reserveCapacity(capacity + capacity / 2)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            PercentEncoding.append(pair.0, to: &out, spaceAsPlus: spaceAsPlus)
            out.append(UInt8(ascii: "="))
            PercentEncoding.append(pair.1, to: &out, spaceAsPlus: spaceAsPlus)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The wire form (space as `+`) of an already canonical query: every `%20` becomes `+`, nothing else changes.
    ///
    /// Safe because in canonical output every `%` opens a three-byte escape, so `%20` can only stand for a space.
    static func wireForm(ofCanonical canonical: String) -> String {
        var needsRewrite = false
        var canonical = canonical
        canonical.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "%") {
                    if bytes[index + 1] == UInt8(ascii: "2") && bytes[index + 2] == UInt8(ascii: "0") {
                        needsRewrite = true
                        return
                    }
                    index += 3
                } else {
                    index += 1
                }
            }
        }
        if !needsRewrite { return canonical }
        return canonical.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "%") && index + 2 < bytes.count {
                    if bytes[index + 1] == UInt8(ascii: "2") && bytes[index + 2] == UInt8(ascii: "0") {
                        out.append(UInt8(ascii: "+"))
                    } else {
                        out.append(contentsOf: bytes[index...(index + 2)])
                    }
                    index += 3
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
