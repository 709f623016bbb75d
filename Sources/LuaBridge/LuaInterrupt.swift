import CLuaShim

/// Ctrl-C handling: SIGINT sets a flag; a count hook in every state raises "interrupted!" from C.
public enum LuaInterrupt {
    /// Installs a SIGINT handler that only sets the flag.
    public static func installSignalHandler() { cluashim_install_sigint_handler() }
    /// Restores SIGINT's default disposition.
    public static func restoreSignalHandler() { cluashim_restore_sigint_handler() }
    /// Sets the flag as SIGINT would.
    public static func request() { cluashim_request_interrupt() }
    /// Clears the flag (the shell does this when it returns to the prompt).
    public static func clear() { cluashim_clear_interrupt() }
    /// Whether an interrupt is pending; long-running host functions poll this.
    public static var isRequested: Bool { cluashim_interrupt_requested() != 0 }
    /// The message Lua code sees when interrupted.
    public static let message = "interrupted!"
}
