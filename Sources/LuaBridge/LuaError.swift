/// A Lua error seen from Swift: the message, the Lua traceback, and the raw error value.
public struct LuaError: Error, CustomStringConvertible, Sendable {
    /// What went wrong: `tostring` of the error value.
    public var message: String
    /// `stack traceback:` text captured where the error was raised, when available.
    public var traceback: String?
    /// The error value itself (a string, or a table such as an ECS error object).
    public var value: LuaValue

    /// Makes an error.
    public init(message: String, traceback: String? = nil, value: LuaValue? = nil) {
        self.message = message
        self.traceback = traceback
        self.value = value ?? .text(message)
    }

    /// The message followed by the traceback.
    public var description: String {
        guard let traceback, !traceback.isEmpty else { return message }
        return message + "\n" + traceback
    }
}

/// A Swift error that knows how to appear in Lua (for example as a table with `__tostring`).
public protocol LuaErrorConvertible: Error {
    /// Pushes exactly one value, the Lua error value, onto the stack of `call`.
    func pushLuaError(_ call: LuaCall)
}

/// Errors of the bridge itself.
public enum LuaBridgeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A table refers to itself.
    case cycle
    /// Tables nest deeper than the limit.
    case tooDeep(Int)
    /// The Lua stack could not grow.
    case stackOverflow
    /// An argument had the wrong type.
    case badArgument(position: Int, function: String, expected: String, got: String)
    /// The state could not be created.
    case cannotCreateState

    /// Text in Lua's own style.
    public var description: String {
        switch self {
        case .cycle: return "table contains a cycle"
        case .tooDeep(let n): return "tables nested deeper than \(n) levels"
        case .stackOverflow: return "Lua stack overflow"
        case .badArgument(let p, let f, let e, let g):
            return "bad argument #\(p) to '\(f)' (\(e) expected, got \(g))"
        case .cannotCreateState: return "cannot create a Lua state (out of memory?)"
        }
    }
}
