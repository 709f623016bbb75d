import ArgumentParser
import ECSLua
import ECSShell
import Foundation
import LuaBridge

/// `ecsh [options] [-e CHUNK]... [SCRIPT|- [ARGS...]]`: run chunks, a script, or the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script, -e chunks, standard input (-), or the REPL.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .customShort("e"), help: "A Lua chunk to run (repeatable); the last one's results are printed.")
    var chunks: [String] = []

    @Argument(parsing: .captureForPassthrough, help: "SCRIPT.lua (or - for standard input) and its arguments.")
    var scriptAndArguments: [String] = []

    /// The script and its arguments, after a leading `--` (which, as in lua(1), ends the options).
    var scriptCommand: [String] {
        scriptAndArguments.first == "--" ? Array(scriptAndArguments.dropFirst()) : scriptAndArguments
    }

    /// `ALIBABA_CLOUD_PROFILE`, when it is what selects the keys: not when the environment holds keys of its own,
    /// which the credential chain prefers.
    static func profileInEffect(_ environment: [String: String]) -> String? {
        guard (environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] ?? "").isEmpty else { return nil }
        return environment["ALIBABA_CLOUD_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        // The passthrough argument captures -h/--help after other options (`ecsh --local --help`): it is help.
        if let first = scriptAndArguments.first, first == "-h" || first == "--help" {
            throw CleanExit.helpRequest(self)
        }
        if let first = scriptAndArguments.first, first.hasPrefix("-"), first != "-", first != "--" {
            throw ValidationError("unknown option '\(first)'")
        }
    }

    func run() throws {
        let setup: ClientSetup
        do { setup = try ClientSetup(options) } catch { throw ValidationError("\(error)") }
        var shellOptions = ShellOptions()
        shellOptions.sandbox = options.sandbox
        shellOptions.maxInstructions = options.maxInstructions
        shellOptions.memoryLimit = (options.memoryLimit ?? 0) << 20
        shellOptions.output = OutputFormat(rawValue: options.output) ?? .text
        let arguments = CommandLine.arguments
        shellOptions.interpreterArguments = Array(arguments.prefix(max(1, arguments.count - scriptCommand.count)))
        let isTerminal = isatty(STDERR_FILENO) != 0
        let environment = ProcessInfo.processInfo.environment
        let context = ECSContext(
            configuration: setup.configuration, isTerminal: isTerminal,
            profile: options.local ? nil : options.profile ?? Self.profileInEffect(environment),
            regionIsExplicit: options.region != nil || !(environment["ALIBABA_CLOUD_REGION_ID"] ?? "").isEmpty)
        let state = try LuaEnvironment.make(options: shellOptions, modules: [{ try ECSModule.register(in: $0, context: context) }])
        LuaInterrupt.installSignalHandler()
        let status = runMode(state: state, shellOptions: shellOptions, context: context)
        context.shutdown()
        if let emulator = setup.emulator { try? blocking { await emulator.stop() } }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private func runMode(state: LuaState, shellOptions: ShellOptions, context: ECSContext) -> ExitStatus {
        let runner = ScriptRunner(state: state, options: shellOptions)
        if !chunks.isEmpty {
            let status = runner.runChunks(chunks)
            if status != .success || scriptCommand.isEmpty { return status }
        }
        if let script = scriptCommand.first {
            return runner.runScript(script, arguments: Array(scriptCommand.dropFirst()))
        }
        return runREPL(state: state, shellOptions: shellOptions, context: context)
    }

    private func runREPL(state: LuaState, shellOptions: ShellOptions, context: ECSContext) -> ExitStatus {
        let interactive = isatty(STDIN_FILENO) != 0
        let reader: LineReader
        var history: HistoryFile?
        if interactive {
            let completer = Completer(
                state: state, parameterNames: { ECSParameterNames.names(forFunction: $0) },
                stringValues: { context.seenImageIds.matching($0) })
            reader = EditlineReader(completer: completer)
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            // Only the interactive REPL writes history, so only it needs the secrets to keep out of it: those
            // of every profile the session has used, since ecs.config{ profile = ... } can switch.
            history = HistoryFile(path: home + "/.ecsh_history", secrets: { context.knownSecrets() })
            FileHandle.standardOutput.write(Data("ecsh \(VersionCommand.version) (Lua 5.4) — help() for help, Ctrl-D to leave\n".utf8))
        } else {
            reader = PlainLineReader()
        }
        // The effective region, default included: it is where an ECS call of the next line would go.
        let repl = REPL(state: state, reader: reader, history: history, prompt: {
            interactive ? REPL.prompt(region: context.configuration.region) : ""
        })
        return repl.run()
    }
}
