import Foundation

/// The image ids the session's responses have shown, most recent kept, for the REPL's completion
/// of `"m-...` strings. Bounded, so a loop over thousands of images costs a fixed amount of memory.
public final class SeenImageIds: @unchecked Sendable {
    /// How many ids are kept; the oldest go first.
    public static let capacity = 2_000

    private let lock = NSLock()
    private var order: [String] = []
    private var members: Set<String> = []
    private var head = 0

    /// Creates an empty record.
    public init() {}

    /// Notes an id seen in a response (again: nothing changes).
    func record(_ id: String) {
        lock.withLock {
            guard !members.contains(id) else { return }
            if order.count < Self.capacity {
                order.append(id)
            } else {
                members.remove(order[head])
                order[head] = id
                head = (head + 1) % Self.capacity
            }
            members.insert(id)
        }
    }

    /// The ids that start with `prefix`, sorted.
    public func matching(_ prefix: String) -> [String] {
        lock.withLock { members.filter { $0.hasPrefix(prefix) }.sorted() }
    }
}
