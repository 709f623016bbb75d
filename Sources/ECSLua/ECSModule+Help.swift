import LuaBridge

extension ECSModule {
    /// The global `help`: `help()`, `help(ecs.fn)`, `help "fn"`.
    static func help(context: ECSContext) -> LuaHostFunction {
        { call in
            if call.isNil(at: 1) {
                context.output(HelpCatalog.overview)
                return .none
            }
            var name = call.string(at: 1)
            if name == nil, call.isFunction(at: 1) { name = functionName(call, at: 1) }
            if name == nil, call.isTable(at: 1) {
                call.pushGlobal("json")
                if call.rawEqual(1, call.top) { name = "json" }
                call.pop()
            }
            if name == nil, call.isTable(at: 1) {
                call.pushGlobal("ecs")
                defer { call.pop() }
                call.pushField(of: -1, "validate")
                defer { call.pop() }
                if call.rawEqual(1, call.top) { name = "validate" }
            }
            guard let name, let doc = HelpCatalog.doc(named: name) else {
                context.output("no help for \(call.describe(at: 1)); help() lists the functions\n")
                return .none
            }
            context.output(doc.text)
            return .none
        }
    }

    /// The name under which the function at `index` sits in `ecs` or `ecs.validate` (`help` for the global,
    /// `json` for a function of the `json` module).
    private static func functionName(_ call: LuaCall, at index: Int32) -> String? {
        var found: String?
        call.pushGlobal("help")
        if call.rawEqual(index, call.top) { found = "help" }
        call.pop()
        if found != nil { return found }
        call.pushGlobal("ecs")
        let ecs = call.top
        guard call.isTable(at: ecs) else { call.pop(); return nil }
        try? call.forEachPair(of: ecs) {
            if found == nil, let key = call.string(at: -2), call.rawEqual(index, call.top) { found = key }
        }
        if found == nil {
            call.pushGlobal("json")
            if call.isTable(at: -1) {
                try? call.forEachPair(of: call.top) {
                    if found == nil, call.string(at: -2) != nil, call.rawEqual(index, call.top) { found = "json" }
                }
            }
            call.pop()
        }
        if found == nil {
            call.pushField(of: ecs, "validate")
            let validate = call.top
            if call.isTable(at: validate) {
                try? call.forEachPair(of: validate) {
                    if found == nil, call.string(at: -2) != nil, call.rawEqual(index, call.top) { found = "validate" }
                }
            }
            call.pop()
        }
        call.pop()
        return found
    }
}
