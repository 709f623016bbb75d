/// The canonical query string both signature schemes sign: `pe(k)=pe(v)` sorted by key bytes, joined by `&`.
public enum CanonicalQuery {
    /// A parameter name and its value.
    typealias Pair = (name: String, value: String)

    /// Builds the canonical query; keys sort by UTF-8 bytes (so `Tag.1` < `Tag.10` < `Tag.2`), empty values give `k=`.
    public static func make(_ params: [String: String]) -> String {
        if params.isEmpty { return "" }
        return join(sortedPairs(params), spaceAsPlus: false)
    }

    /// The pairs in the order the SDKs sign them: plain byte-wise (code point) order of the names.
    static func sortedPairs(_ params: [String: String]) -> [Pair] {
        var pairs: [Pair] = []
        pairs.reserveCapacity(params.count)
        for (name, value) in params { pairs.append((name, value)) }
        guard pairs.count <= 32 else {
            pairs.sort { ByteWriter.precedesByBytes($0.name, $1.name) }
            return pairs
        }
        // An insertion sort keyed by each name's first eight bytes, comparing whole names only on a tied
        // key: a request's few names mostly differ early, and integer keys spare the string comparisons.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: pairs.count) { keys in
            pairs.withUnsafeMutableBufferPointer { pairs in
                for index in pairs.indices {
                    keys[index] = ByteWriter.sortKey(pairs[index].name)
                    var slot = index
                    while slot > 0, Self.precedes(keys[slot], pairs[slot].name, keys[slot - 1], pairs[slot - 1].name) {
                        keys.swapAt(slot, slot - 1)
                        pairs.swapAt(slot, slot - 1)
                        slot -= 1
                    }
                }
            }
        }
        return pairs
    }

    @inline(__always)
    private static func precedes(_ leftKey: UInt64, _ left: String, _ rightKey: UInt64, _ right: String) -> Bool {
        leftKey != rightKey ? leftKey < rightKey : ByteWriter.precedesByBytes(left, right)
    }

    /// Encodes and joins pairs in the given order, straight into the result's storage.
    static func join(_ pairs: [Pair], spaceAsPlus: Bool) -> String {
        ByteWriter.string(capacity: encodedCapacity(pairs)) { writer in
            write(pairs, to: &writer, spaceAsPlus: spaceAsPlus)
        }
    }

    /// Writes `pe(name)=pe(value)` joined by `&`; needs at most `encodedCapacity(pairs)` bytes.
    static func write(_ pairs: [Pair], to writer: inout ByteWriter, spaceAsPlus: Bool) {
        for index in pairs.indices {
            if index > 0 { writer.write(UInt8(ascii: "&")) }
            writer.writePercentEncoded(pairs[index].name, spaceAsPlus: spaceAsPlus)
            writer.write(UInt8(ascii: "="))
            writer.writePercentEncoded(pairs[index].value, spaceAsPlus: spaceAsPlus)
        }
    }

    /// The most bytes `write` can produce for `pairs`: three per input byte plus the separators.
    static func encodedCapacity(_ pairs: [Pair]) -> Int {
        var capacity = 0
        for pair in pairs { capacity += 3 * (pair.name.utf8.count + pair.value.utf8.count) + 2 }
        return capacity
    }
}
