import ArgumentParser
import Foundation

// One place maps every outcome to text and an exit code: 0, 1 (Lua/ECS error), 2 (usage), 130.
// `ecsh --help` shows the options of the default command too: they are what most people look for.
if Array(CommandLine.arguments.dropFirst()) == ["--help"] || Array(CommandLine.arguments.dropFirst()) == ["-h"] {
    print(Ecsh.helpMessage() + "\n" + Ecsh.helpMessage(for: RunCommand.self))
    exit(0)
}
do {
    var command = try Ecsh.parseAsRoot()
    try command.run()
    exit(0)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = Ecsh.exitCode(for: error)
    let message = Ecsh.fullMessage(for: error)
    if code == .success {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
        exit(0)
    }
    FileHandle.standardError.write(Data("ecsh: \(message)\n(ecsh --help shows the usage)\n".utf8))
    exit(2)
}
