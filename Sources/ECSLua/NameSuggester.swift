/// Finds the valid name a misspelt one most likely meant: case- and underscore-insensitive first,
/// then the smallest edit distance within a third of the name's length.
enum NameSuggester {
    /// The closest candidate to `name`, or nil when none is close enough.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        // No parameter name is longer than this; a longer key is nobody's typo (and costs n×m to compare).
        guard name.utf8.count <= 256 else { return nil }
        let key = normalized(name)
        if let exact = candidates.first(where: { normalized($0) == key }) { return exact }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(Array(key), Array(normalized(candidate)))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        let limit = max(2, key.count / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// The candidate nearest to `name` however far it is: one whose name contains `name` (or is contained in
    /// it) first, the shortest such, else the smallest edit distance; nil only without candidates.
    static func closest(to name: String, among candidates: [String]) -> String? {
        if let near = suggestion(for: name, among: candidates) { return near }
        let key = normalized(name)
        guard !key.isEmpty, key.utf8.count <= 256 else { return candidates.first }
        let containing = candidates.filter {
            let candidate = normalized($0)
            return candidate.contains(key) || key.contains(candidate)
        }
        if let shortest = containing.min(by: { $0.count < $1.count }) { return shortest }
        return candidates.min { distance(Array(key), Array(normalized($0))) < distance(Array(key), Array(normalized($1))) }
    }

    /// Lower case without `_`, `-` and `.`: `image_id` and `ImageId` compare equal.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != "." && $0 != " " })
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
