import ArgumentParser

/// `ecsh version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    /// The version of ecsh.
    static let version = "0.1.0"

    func run() {
        print("ecsh \(Self.version) (Lua 5.4)")
    }
}
