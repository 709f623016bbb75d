/// The `Name.N.Key` / `Name.N.Value` lists of a request, gathered by family and index.
struct IndexedPairs {
    /// One list element: either half may be absent.
    struct Pair {
        var key: String?
        var value: String?
    }

    private var families: [String: [Int: Pair]] = [:]

    /// The elements of one family (`"Tag."`), in index order.
    func sorted(_ prefix: String) -> [(Int, Pair)] {
        (families[prefix] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Gathers every `Prefix.N.Key` / `Prefix.N.Value`; a malformed `N` is `InvalidParameter` (the
    /// smallest such name is reported, for determinism); other suffixes are unknown and ignored.
    static func collect(_ p: [String: String], prefixes: [String]) -> Result<IndexedPairs, ValidationError> {
        var out = IndexedPairs()
        var badName: String?
        for (name, value) in p {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: ".") else { continue }
            let field = rest[rest.index(after: dot)...]
            guard field == "Key" || field == "Value" else { continue }
            guard let index = ParameterRules.listIndex(rest[..<dot]) else {
                if badName == nil || name < badName! { badName = name }
                continue
            }
            var pair = out.families[prefix, default: [:]][index, default: Pair()]
            if field == "Key" { pair.key = value } else { pair.value = value }
            out.families[prefix, default: [:]][index] = pair
        }
        if let badName {
            return .failure(
                .invalid(
                    "InvalidParameter", parameter: badName, value: p[badName] ?? "",
                    rule: "the N in \(badName) must be a positive integer"))
        }
        return .success(out)
    }
}
