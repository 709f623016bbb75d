/// Turns a fuzzer's bytes into the shapes the targets need, the same way for every target.
///
/// Inputs are text so that seeds stay readable: one `name=value` per line (`\n`), the value
/// running to the end of the line; a line without `=` is a name with an empty value. Bytes that
/// are not UTF-8 become U+FFFD, as a server decoding the wire would make them.
enum FuzzInput {
    /// The input as lines, split on `\n` only (a `\r` stays in the line).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `name=value` lines as ordered pairs (a later duplicate is kept; callers decide who wins).
    static func pairs(_ lines: some Sequence<Substring>) -> [(name: String, value: String)] {
        lines.map { line in
            guard let eq = line.firstIndex(of: "=") else { return (String(line), "") }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    /// The pairs as a dictionary, last value winning, like `WireQuery.parse`.
    static func dictionary(_ pairs: [(name: String, value: String)], minimumCapacity: Int = 0) -> [String: String] {
        var out = [String: String](minimumCapacity: minimumCapacity)
        for (name, value) in pairs { out[name] = value }
        return out
    }
}

/// Stops the run with a message libFuzzer reports as a crash (and saves the input).
func fuzzFail(_ message: String) -> Never {
    fatalError("fuzz property violated: " + message)
}
