import LuaBridge

/// Formats the values a chunk returned: pretty-printed for people, or JSON for programs.
public struct ResultPrinter {
    /// The format of `-e` results.
    public var format: OutputFormat
    /// Quote strings (the REPL) or print them raw (`-e` in text mode).
    public var quoteStrings: Bool
    /// The pretty printer's limits.
    public var inspector = LuaInspector()

    /// Makes a printer.
    public init(format: OutputFormat, quoteStrings: Bool) {
        self.format = format
        self.quoteStrings = quoteStrings
    }

    /// The text for the `count` values on top of the stack of `call` (nil when there are none).
    public func render(_ call: LuaCall, count: Int32) throws -> String? {
        guard count > 0 else { return nil }
        let first = call.top - count + 1
        switch format {
        case .text:
            return (0..<count).map { i -> String in
                let idx = first + i
                if !quoteStrings, let s = call.bytes(at: idx) { return String(decoding: s, as: UTF8.self) }
                return inspector.render(call, at: idx)
            }.joined(separator: "\t")
        case .json:
            return try (0..<count).map { i -> String in
                let top = call.top
                defer { call.setTop(top) }
                try call.ensureStack(8)  // a chunk may return enough values to fill the stack
                call.pushGlobal("json")
                call.pushField(of: -1, "encode")
                call.pushCopy(of: first + i)
                call.pushTable()
                call.push(true)
                call.setField(of: -2, "sort_keys")
                try call.protectedCall(argumentCount: 2, resultCount: 1)
                return call.string(at: -1) ?? "null"
            }.joined(separator: "\n")
        }
    }
}
