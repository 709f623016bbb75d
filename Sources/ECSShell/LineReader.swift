/// What reading one line produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C while typing: the line is discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// A source of input lines for the REPL.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` when the reader is interactive.
    func readLine(prompt: String) -> LineReadResult
    /// Records a complete chunk in the reader's in-memory history.
    func addHistory(_ entry: String)
}

/// Reads lines from standard input without prompts (piped input: `echo 'print(1)' | ecsh`).
public final class PlainLineReader: LineReader {
    /// Makes a reader of standard input.
    public init() {}

    /// Reads the next line; prompts are not shown.
    public func readLine(prompt: String) -> LineReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    /// Piped input keeps no history.
    public func addHistory(_ entry: String) {}
}
