import LuaBridge

/// Turns an uncaught error into the text on stderr and the exit status, in one place.
public enum ErrorReporter {
    /// The stderr text (ECS code first when the error is an ECS error object) and exit status.
    public static func report(_ error: Error, program: String = "ecsh") -> (text: String, status: ExitStatus) {
        guard let luaError = error as? LuaError else {
            return ("\(program): \(error)\n", .error)
        }
        // The flag, not the message: a script's own error("... interrupted!") is an error like any other.
        if LuaInterrupt.isRequested {
            return ("\(program): interrupted\n", .interrupted)
        }
        var text = "\(program): \(luaError.message)\n"
        if let traceback = luaError.traceback, !traceback.isEmpty { text += traceback + "\n" }
        return (text, .error)
    }
}
