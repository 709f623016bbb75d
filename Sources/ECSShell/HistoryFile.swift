import Foundation

/// The REPL history on disk: one entry per line (newlines inside a chunk escaped), bounded in size,
/// and never holding a secret.
public struct HistoryFile {
    /// Most entries kept.
    public static let maximumEntries = 1000
    /// The file's path.
    public let path: String
    /// The texts no stored entry may contain (access key secrets, tokens), asked for at every append, since
    /// `ecs.config{ profile = ... }` can bring in new credentials during the session.
    private let secrets: () -> [String]
    /// The entries, oldest first.
    public private(set) var entries: [String] = []

    /// Opens (and reads) the history at `path` that never stores a text holding one of `secrets`.
    public init(path: String, secrets: [String] = []) {
        self.init(path: path, secrets: { secrets })
    }

    /// Opens (and reads) the history at `path`; a missing file is an empty history.
    public init(path: String, secrets: @escaping () -> [String]) {
        self.path = path
        self.secrets = secrets
        entries = Self.read(path) ?? []
    }

    /// The entries stored at `path` (the newest `maximumEntries`): none when there is no file, nil when there
    /// is one that cannot be read (then it must not be rewritten). Bytes that are not UTF-8 read as U+FFFD.
    private static func read(_ path: String) -> [String]? {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return all.suffix(maximumEntries).map { HistoryFile.unescape(String($0)) }
    }

    /// Whether an entry may be stored (it holds no secret and is not blank).
    public func accepts(_ entry: String) -> Bool {
        !entry.trimmingCharacters(in: .whitespaces).isEmpty && !secrets().contains { !$0.isEmpty && entry.contains($0) }
    }

    /// Appends an entry to what the file holds now and rewrites it (mode 0600); refused entries are dropped
    /// silently. The file is read again first, so two sessions open at once keep each other's lines
    /// (each rewrote the file from its own list, and the last to write won).
    @discardableResult
    public mutating func append(_ entry: String) -> Bool {
        guard accepts(entry), let stored = Self.read(path) else { return false }
        entries = stored
        if entries.last != entry { entries.append(entry) }
        if entries.count > HistoryFile.maximumEntries { entries.removeFirst(entries.count - HistoryFile.maximumEntries) }
        let text = entries.map(HistoryFile.escape).joined(separator: "\n") + "\n"
        // A temporary file of this process only: two sessions never write into the same one.
        let temporary = path + ".tmp.\(getpid())"
        let created = FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        if created { _ = rename(temporary, path) }
        return created
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping { out.append(c == "n" ? "\n" : c); escaping = false }
            else if c == "\\" { escaping = true }
            else { out.append(c) }
        }
        return out
    }
}
