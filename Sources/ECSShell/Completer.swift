import LuaBridge

/// Tab completion for the REPL: globals, fields after `.` or `:`, keywords, and parameter
/// names inside a table-call such as `ecs.modify_image_attribute{ Im`.
public final class Completer {
    private unowned let state: LuaState
    private let parameterNames: (String) -> [String]
    private let stringValues: (String) -> [String]

    /// Makes a completer over `state`; `parameterNames("ecs.modify_image_attribute")` lists a call's
    /// parameters, `stringValues("m-bp1")` the known values that complete a string literal typed so far.
    public init(
        state: LuaState, parameterNames: @escaping (String) -> [String] = { _ in [] },
        stringValues: @escaping (String) -> [String] = { _ in [] }
    ) {
        self.state = state
        self.parameterNames = parameterNames
        self.stringValues = stringValues
    }

    /// Full replacement words for `word`, given the text of the line before it, sorted.
    ///
    /// Inside an open string literal only `stringValues` answer; since the word stops at break
    /// characters (`-` in `"m-bp1`), each value is cut to what replaces the word.
    public func candidates(for word: String, lineBefore: String) -> [String] {
        if let typed = Completer.openString(lineBefore + word) {
            guard typed.hasSuffix(word) else { return [] }
            let typedBefore = typed.count - word.count
            return stringValues(typed).filter { $0.hasPrefix(typed) }.map { String($0.dropFirst(typedBefore)) }.sorted()
        }
        if let function = Completer.enclosingCall(lineBefore), !word.contains("."), !word.contains(":") {
            let names = parameterNames(function).filter { $0.hasPrefix(word) }
            if !names.isEmpty { return names.sorted() }
        }
        let separatorIndex = word.lastIndex { $0 == "." || $0 == ":" }
        guard let separatorIndex else {
            let globals = keys(ofPath: []).filter { $0.hasPrefix(word) }
            let keywords = LuaSyntax.keywords.filter { $0.hasPrefix(word) }
            return Array(Set(globals).union(keywords)).sorted()
        }
        let head = String(word[..<separatorIndex])
        let separator = word[separatorIndex]
        let prefix = String(word[word.index(after: separatorIndex)...])
        let path = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy({ !$0.isEmpty }) else { return [] }
        return keys(ofPath: path, methods: separator == ":")
            .filter { $0.hasPrefix(prefix) }
            .map { head + String(separator) + $0 }
            .sorted()
    }

    /// The dotted name of the call whose parameter table is open at the end of `line`, if any: `f` for
    /// `f{ ` or `f({ `, `f.Field` for a table nested in it (`f{ Field = { `), `f.Action` for
    /// `f("Action", { ` (ecs.call's parameters are the action's).
    static func enclosingCall(_ line: String) -> String? {
        guard let brace = line.lastIndex(of: "{"), !line[brace...].contains("}") else { return nil }
        var name = line[..<brace]
        while name.last == " " || name.last == "(" { name.removeLast() }
        if name.last == "=" {
            name.removeLast()
            while name.last == " " { name.removeLast() }
            let field = String(name.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
            guard !field.isEmpty, let outer = enclosingCall(String(name.dropLast(field.count))) else { return nil }
            return outer + "." + field
        }
        var action = ""
        if name.last == "," {
            name.removeLast()
            while name.last == " " { name.removeLast() }
            guard let quote = name.last, quote == "\"" || quote == "'" else { return nil }
            name.removeLast()
            action = String(name.reversed().prefix { $0.isLetter || $0.isNumber }.reversed())
            name.removeLast(action.count)
            guard !action.isEmpty, name.last == quote else { return nil }
            name.removeLast()
            while name.last == " " || name.last == "(" { name.removeLast() }
        }
        let callee = name.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        let text = String(callee.reversed())
        guard !text.isEmpty else { return nil }
        return action.isEmpty ? text : text + "." + action
    }

    /// The text typed so far inside a `'...'` or `"..."` literal left open at the end of `line`, if any.
    static func openString(_ line: String) -> String? {
        var quote: Character?
        var text = ""
        var escaped = false
        for character in line {
            if let open = quote {
                if escaped {
                    escaped = false
                    text.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                } else {
                    text.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                text = ""
            }
        }
        return quote == nil ? nil : text
    }

    /// Identifier keys of the table at `path` from the globals (raw access: no metamethod runs).
    private func keys(ofPath path: [String], methods: Bool = false) -> [String] {
        let call = state.main
        let top = call.top
        defer { call.setTop(top) }
        call.pushGlobal("_G")
        for component in path {
            guard call.isTable(at: -1) else { return [] }
            call.pushField(of: -1, component)
        }
        var names = Set<String>()
        collectKeys(call, into: &names)
        // Methods of strings come from the string table through the metatable's __index.
        if methods, call.bytes(at: -1) != nil {
            call.pushGlobal("string")
            collectKeys(call, into: &names)
        }
        return Array(names)
    }

    private func collectKeys(_ call: LuaCall, into names: inout Set<String>) {
        guard call.isTable(at: -1) else { return }
        try? call.forEachPair(of: -1) {
            if let key = call.string(at: -2), Completer.isIdentifier(key) { names.insert(key) }
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
