import LuaBridge

extension ECSModule {
    /// Concurrency of `ecs.parallel` when the options do not give one.
    static let defaultConcurrency = 8

    /// Compiles the runner that every `ecs.parallel` coroutine starts with and keeps it in the registry.
    static func registerParallelRunner(in state: LuaState) throws {
        try state.load(ParallelScheduler.runnerSource, name: "=ecs.parallel")
        try state.protectedCall(argumentCount: 0, resultCount: 1)
        state.main.setRegistryValue(ParallelScheduler.runnerKey)
    }

    /// `ecs.parallel(items, fn [, { concurrency = N }])` → `{ {ok=true, value=...} or {ok=false, err=...}, ... }` in item order.
    static func parallel(context: ECSContext, state: LuaState) -> LuaHostFunction {
        { call in
            guard call.isTable(at: 1) else {
                throw ECSLuaError.badArgument(position: 1, function: "parallel", expected: "table of items", got: call.typeName(at: 1), location: call.location())
            }
            guard call.isFunction(at: 2) else {
                throw ECSLuaError.badArgument(position: 2, function: "parallel", expected: "function", got: call.typeName(at: 2), location: call.location())
            }
            var concurrency = defaultConcurrency
            if call.isTable(at: 3) {
                // An option misspelt (`concurency`) would silently run at the default: refuse it.
                try call.forEachPair(of: 3) {
                    let key = call.string(at: -2)
                    guard key != "concurrency" else { return }
                    var message = "unknown option '\(key.map(KeyDisplay.shown) ?? call.describe(at: -2))' for ecs.parallel (options: concurrency)"
                    if let key, NameSuggester.suggestion(for: key, among: ["concurrency"]) != nil { message += "; did you mean 'concurrency'?" }
                    throw ECSLuaError(code: "InvalidParameter", message: message, action: "parallel", parameter: key, location: call.location())
                }
                call.pushField(of: 3, "concurrency")
                if !call.isNil(at: -1) {
                    guard let n = call.integer(at: -1), n >= 1, n <= 1000 else {
                        throw ECSLuaError.badArgument(position: 3, function: "parallel", expected: "concurrency from 1 to 1000", got: call.describe(at: -1), location: call.location())
                    }
                    concurrency = Int(n)
                }
                call.pop()
            } else if !call.isNil(at: 3) {
                throw ECSLuaError.badArgument(position: 3, function: "parallel", expected: "options table", got: call.typeName(at: 3), location: call.location())
            }
            let total = call.rawLength(at: 1)
            let prefix = "ecs.parallel.\(context.schedulers.count)."
            let keys = (fn: prefix + "fn", items: prefix + "items", results: prefix + "results")
            call.pushCopy(of: 2)
            call.setRegistryValue(keys.fn)
            call.pushCopy(of: 1)
            call.setRegistryValue(keys.items)
            call.pushTable(array: total)
            let results = call.top
            call.pushCopy(of: results)
            call.setRegistryValue(keys.results)
            let scheduler = ParallelScheduler(
                context: context, state: state, caller: call, keys: keys, total: total, concurrency: concurrency)
            context.schedulers.append(scheduler)
            defer {
                context.schedulers.removeLast()
                for key in [keys.fn, keys.items, keys.results] {
                    call.pushNil()
                    call.setRegistryValue(key)
                }
            }
            try scheduler.run()
            call.setTop(results)
            return .values(1)
        }
    }
}
