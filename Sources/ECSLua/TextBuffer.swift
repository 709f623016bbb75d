import Foundation

/// Lines handed over from request tasks (dry-run text) to the Lua thread, which prints them in order.
final class TextBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    /// Adds a piece of text (any thread).
    func append(_ text: String) {
        lock.lock()
        lines.append(text)
        lock.unlock()
    }

    /// Takes everything added so far.
    func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let taken = lines
        lines.removeAll()
        return taken
    }
}
