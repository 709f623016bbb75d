import Foundation
import LuaBridge

/// Runs scripts, `-e` chunks and standard input, as lua(1) does.
public struct ScriptRunner {
    let state: LuaState
    let options: ShellOptions
    /// Where results (as bytes: a string result keeps its exact bytes) and errors go (tests capture them).
    var write: ([UInt8]) -> Void
    var writeError: (String) -> Void

    /// Makes a runner on a configured state.
    public init(state: LuaState, options: ShellOptions,
                // C stdio, ordered with Lua's print.
                write: @escaping ([UInt8]) -> Void = { StandardOutput.write($0) },
                writeError: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.state = state
        self.options = options
        self.write = write
        self.writeError = writeError
    }

    /// Runs a script file (nil or "-": standard input) with `arguments` as `...` and in `arg`.
    public func runScript(_ path: String?, arguments: [String]) -> ExitStatus {
        let name = path ?? "-"
        do {
            try LuaEnvironment.setArguments(state, interpreter: options.interpreterArguments, script: name, arguments: arguments)
            try state.loadFile(path == "-" ? nil : path)
            // Lua guarantees only LUA_MINSTACK (20) free slots: more arguments need room made first.
            try state.main.ensureStack(Int32(arguments.count))
            for a in arguments { state.main.push(a) }
            state.renewInstructionBudget()
            let n = try state.protectedCall(argumentCount: Int32(arguments.count))
            state.main.pop(n)
            return finished()
        } catch {
            return fail(error)
        }
    }

    /// Runs chunks in order; prints what the last one returns.
    public func runChunks(_ chunks: [String]) -> ExitStatus {
        do {
            try LuaEnvironment.setArguments(state, interpreter: options.interpreterArguments, script: nil, arguments: [])
            for (i, chunk) in chunks.enumerated() {
                let top = state.stackTop
                defer { state.setStackTop(top) }
                try state.load(chunk, name: "=(command line)")
                state.renewInstructionBudget()
                let n = try state.protectedCall(argumentCount: 0)
                if i == chunks.count - 1 {
                    let printer = ResultPrinter(format: options.output, quoteStrings: false)
                    if let bytes = try printer.renderBytes(state.main, count: n) { write(bytes + [UInt8(ascii: "\n")]) }
                }
            }
            return finished()
        } catch {
            return fail(error)
        }
    }

    /// Success, unless Ctrl-C came and the script caught its error (with pcall) and ran to the end: the
    /// interrupt still decides the exit status, so a caller sees 130, not 0.
    private func finished() -> ExitStatus {
        guard LuaInterrupt.isRequested else { return .success }
        return fail(LuaError(message: LuaInterrupt.message))
    }

    private func fail(_ error: Error) -> ExitStatus {
        let (text, status) = ErrorReporter.report(error)
        writeError(text)
        return status
    }
}
