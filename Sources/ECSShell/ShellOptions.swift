/// How results of `-e` chunks are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Strings as they are, other values pretty-printed.
    case text
    /// Every result as JSON.
    case json
}

/// Settings of one shell run.
public struct ShellOptions: Sendable {
    /// Remove process spawning, file writes and native module loading.
    public var sandbox = false
    /// Instruction budget per chunk (nil: none).
    public var maxInstructions: Int?
    /// Memory cap of the Lua state in bytes (0: none).
    public var memoryLimit = 0
    /// How `-e` results are printed.
    public var output: OutputFormat = .text
    /// The interpreter arguments before the script (for `arg[-n]`), starting with the program name.
    public var interpreterArguments: [String] = ["ecsh"]
    /// Where the REPL keeps its history (nil: no history).
    public var historyPath: String?

    /// Default settings.
    public init() {}
}
