/// The query (or form body) as it travels: parsing what a client sent and building what we send.
public enum WireQuery {
    /// Decodes `k=v&...`: `%XX` and `+` as space; invalid escapes kept literally; a bare `k` is `""`; the last value wins.
    public static func parse(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        var query = query
        query.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    var separator = start
                    while separator < end && bytes[separator] != UInt8(ascii: "=") { separator += 1 }
                    let key = lenientDecode(bytes[start..<separator])
                    let value = separator < end ? lenientDecode(bytes[(separator + 1)..<end]) : ""
                    result[key] = value
                }
                start = end + 1
            }
        }
        return result
    }

    /// Builds a wire query from parameters sorted by key, form-encoded (space as `+`), as the official V3 SDK sends it.
    public static func make(_ params: [String: String]) -> String {
        CanonicalQuery.join(CanonicalQuery.sortedPairs(params), spaceAsPlus: true)
    }

    /// Builds a wire query from pairs kept in the given order, form-encoded (space as `+`).
    public static func make(pairs: [(name: String, value: String)]) -> String {
        CanonicalQuery.join(pairs, spaceAsPlus: true)
    }

    private static func lenientDecode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = PercentEncoding.hexValue(bytes[index + 1]),
                let low = PercentEncoding.hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
