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
        try renderBytes(call, count: count).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes for the `count` values on top of the stack: as `render`, but a string printed raw keeps
    /// its exact bytes, as lua(1) prints them (text made of them would show U+FFFD for bytes not UTF-8).
    public func renderBytes(_ call: LuaCall, count: Int32) throws -> [UInt8]? {
        guard count > 0 else { return nil }
        let first = call.top - count + 1
        switch format {
        case .text:
            var out: [UInt8] = []
            for i in 0..<count {
                if i > 0 { out.append(UInt8(ascii: "\t")) }
                let idx = first + i
                if !quoteStrings, let bytes = call.bytes(at: idx) { out += bytes } else { out += inspector.render(call, at: idx).utf8 }
            }
            return out
        case .json:
            return Array(try renderJSON(call, first: first, count: count).utf8)
        }
    }

    private func renderJSON(_ call: LuaCall, first: Int32, count: Int32) throws -> String {
        try (0..<count).map { i -> String in
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
