/// The exit codes of the contract.
public enum ExitStatus: Int32, Sendable {
    /// Everything ran.
    case success = 0
    /// An uncaught Lua or ECS error.
    case error = 1
    /// The command line was wrong.
    case usage = 2
    /// Interrupted by Ctrl-C.
    case interrupted = 130
}
