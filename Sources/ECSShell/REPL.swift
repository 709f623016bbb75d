import Foundation
import LuaBridge

/// The interactive loop, following lua.c: try `return <line>`, read continuation lines while the
/// chunk is incomplete, run under a traceback handler, print every result.
public final class REPL {
    private let state: LuaState
    private let reader: LineReader
    private var history: HistoryFile?
    private let prompt: () -> String
    private let write: (String) -> Void
    private let writeError: (String) -> Void
    private let printer = ResultPrinter(format: .text, quoteStrings: true)

    /// Makes a REPL; `prompt` is asked before every chunk (the region may change).
    public init(state: LuaState, reader: LineReader, history: HistoryFile?, prompt: @escaping () -> String,
                write: @escaping (String) -> Void = { print($0, terminator: "") },  // C stdio, ordered with Lua's print
                writeError: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.state = state
        self.reader = reader
        self.history = history
        self.prompt = prompt
        self.write = write
        self.writeError = writeError
        for entry in history?.entries ?? [] { reader.addHistory(entry) }
    }

    /// The prompt for a region: `ecsh [cn-hangzhou]> `, or `ecsh> ` without one.
    public static func prompt(region: String?) -> String {
        guard let region, !region.isEmpty else { return "ecsh> " }
        return "ecsh [\(region)]> "
    }

    /// Runs until end of input; returns the exit status (always success: errors are shown, not fatal).
    public func run() -> ExitStatus {
        while true {
            LuaInterrupt.clear()
            switch reader.readLine(prompt: prompt()) {
            case .endOfInput: return .success
            case .interrupted: continue
            case .line(let line):
                guard let chunk = compile(firstLine: line) else { continue }
                execute(chunk)
            }
        }
    }

    /// Compiles a chunk starting with `firstLine`, reading continuation lines while it is incomplete.
    /// Leaves the compiled function on the stack and returns the chunk's text; nil when abandoned.
    private func compile(firstLine: String) -> String? {
        if (try? state.load("return " + firstLine, name: "=stdin")) != nil {
            remember(firstLine)
            return firstLine
        }
        var chunk = firstLine
        while true {
            do {
                try state.load(chunk, name: "=stdin")
                remember(chunk)
                return chunk
            } catch let error as LuaError where REPL.isIncomplete(error) {
                switch reader.readLine(prompt: ">> ") {
                case .line(let more): chunk += "\n" + more
                case .interrupted: return nil
                case .endOfInput: writeError(error.message + "\n"); return nil
                }
            } catch {
                writeError("\((error as? LuaError)?.message ?? "\(error)")\n")
                // Kept for re-editing in this session, but only compiled chunks reach the history file.
                reader.addHistory(chunk)
                return nil
            }
        }
    }

    /// lua.c's test: a syntax error at end of input means the chunk continues on the next line.
    static func isIncomplete(_ error: LuaError) -> Bool {
        error.message.hasSuffix("<eof>")
    }

    private func remember(_ chunk: String) {
        reader.addHistory(chunk)
        history?.append(chunk)
    }

    /// Runs the function on top of the stack and prints its results or its error.
    private func execute(_ chunk: String) {
        let base = state.stackTop - 1
        defer { state.setStackTop(base) }
        do {
            state.renewInstructionBudget()
            let n = try state.protectedCall(argumentCount: 0)
            if let text = try printer.render(state.main, count: n) { write(text + "\n") }
        } catch {
            let (text, _) = ErrorReporter.report(error, program: "ecsh")
            writeError(String(text.dropFirst("ecsh: ".count)))
        }
    }
}
