import ArgumentParser

/// The root command: a Lua 5.4 shell for Alibaba Cloud ECS images.
struct Ecsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsh",
        abstract: "A Lua 5.4 shell for Alibaba Cloud ECS images.",
        discussion: "ecsh [options] [-e CHUNK]... [SCRIPT.lua|- [ARGS...]]   (no script: the REPL)",
        subcommands: [RunCommand.self, ServeCommand.self, VersionCommand.self],
        defaultSubcommand: RunCommand.self)
}
