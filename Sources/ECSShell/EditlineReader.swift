import CEditline
import Foundation
import LuaBridge

/// Interactive line editing on libedit: history, tab completion, Ctrl-C clears the line.
public final class EditlineReader: LineReader {
    /// The completer used by libedit's callback (libedit offers no context pointer).
    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var pendingMatches: [String] = []

    /// Sets up libedit; `completer` answers tab completion.
    public init(completer: Completer?) {
        EditlineReader.completer = completer
        // libedit edits wide characters and turns the line back into bytes with the C library: both need a
        // UTF-8 character type (under the default "C" locale every non-ASCII character was dropped).
        if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        ceditline_configure(editlineGetc, editlineComplete, " \t\n\"'`@$><=;|&{(,+-*/%^~#[]")
        using_history()
        stifle_history(Int32(HistoryFile.maximumEntries))
    }

    /// Reads a line with editing; Ctrl-C (the SIGINT flag) discards it, Ctrl-D leaves.
    public func readLine(prompt: String) -> LineReadResult {
        LuaInterrupt.clear()
        guard let raw = readline(prompt) else {
            if LuaInterrupt.isRequested {
                LuaInterrupt.clear()
                FileHandle.standardOutput.write(Data("^C\n".utf8))
                return .interrupted
            }
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a chunk to libedit's history (multi-line chunks as one entry).
    public func addHistory(_ entry: String) {
        add_history(entry)
    }
}

/// Reads one character for libedit: libedit's readline layer takes what this returns as a whole wide
/// character, so a UTF-8 sequence is read to its end and returned as its code point (each byte on its own
/// was not a character, and was dropped). A SIGINT during the read ends the line as if at end of input.
private let editlineGetc: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
    guard let lead = readInputByte() else { return -1 }
    if lead < 0x80 { return Int32(lead) }
    // A byte that cannot start a sequence (a stray continuation byte, C0, C1, F5...FF) is U+FFFD.
    guard (0xC2...0xF4).contains(lead) else { return 0xFFFD }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var scalar = UInt32(lead) & (0xFF >> (length + 1))
    for _ in 1..<length {
        guard let next = readInputByte() else { return -1 }
        guard next & 0xC0 == 0x80 else { return 0xFFFD }
        scalar = scalar << 6 | UInt32(next & 0x3F)
    }
    // Overlong forms (E0 80..9F, F0 80..8F) and surrogates decode to what a shorter form or no character is.
    let shortest: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
    return scalar >= shortest && Unicode.Scalar(scalar) != nil ? Int32(scalar) : 0xFFFD
}

/// One byte of standard input; nil at its end, on an error, or when Ctrl-C is pending.
private func readInputByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
        if LuaInterrupt.isRequested { return nil }
        let n = read(STDIN_FILENO, &byte, 1)
        if n == 1 { return byte }
        if n == 0 || errno != EINTR { return nil }
    }
}

/// libedit's completion callback: candidates for the word ending at the cursor.
private let editlineComplete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
    guard let text, let completer = EditlineReader.completer else { return nil }
    let word = String(cString: text)
    let line = ceditline_line_buffer().map { String(cString: $0) } ?? ""
    let before = String(line.utf8.prefix(Int(start))) ?? ""
    EditlineReader.pendingMatches = completer.candidates(for: word, lineBefore: before)
    guard !EditlineReader.pendingMatches.isEmpty else { return nil }
    return rl_completion_matches(text, editlineGenerate)
}

/// libedit's generator: returns successive matches as malloc'd strings.
private let editlineGenerate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, index in
    let matches = EditlineReader.pendingMatches
    guard Int(index) < matches.count else { return nil }
    return strdup(matches[Int(index)])
}
