/// The documentation of one `ecs` function, as `help(fn)` prints it.
public struct FunctionDoc: Sendable {
    /// The function's name in the `ecs` table (`wait_image`), or `help` for the global.
    public let name: String
    /// How it is called.
    public let usage: String
    /// What it does.
    public let summary: String
    /// Its parameters: name, type, rule.
    public let parameters: [(name: String, type: String, rule: String)]
    /// What it returns.
    public let returns: String
    /// Error codes it raises, with their meaning.
    public let errors: [(code: String, meaning: String)]
    /// A runnable example.
    public let example: String

    /// Creates a documentation entry.
    public init(
        name: String, usage: String, summary: String, parameters: [(name: String, type: String, rule: String)] = [],
        returns: String, errors: [(code: String, meaning: String)] = [], example: String
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.parameters = parameters
        self.returns = returns
        self.errors = errors
        self.example = example
    }

    /// The full help text.
    public var text: String {
        var out = "\(usage)\n  \(summary)\n"
        if !parameters.isEmpty {
            out += "Parameters:\n"
            let nameWidth = parameters.map { $0.name.count }.max() ?? 0
            let typeWidth = parameters.map { $0.type.count }.max() ?? 0
            for p in parameters {
                var line = "  " + p.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                line += p.rule.isEmpty ? p.type : p.type.padding(toLength: typeWidth, withPad: " ", startingAt: 0) + "  " + p.rule
                out += line + "\n"
            }
        }
        out += "Returns: \(returns)\n"
        if !errors.isEmpty {
            out += "Errors:\n"
            for e in errors { out += "  \(e.code)" + (e.meaning.isEmpty ? "" : ": \(e.meaning)") + "\n" }
        }
        out += "Example:\n  \(example)\n"
        return out
    }
}
