import LuaBridge

extension ECSModule {
    /// Runs a Lua chunk that receives a table of Swift primitives (`prim`) and returns a function, and
    /// stores that function as `ecs.<name>` (so the loop of `wait_image` or `images` runs in Lua and every
    /// request it makes can yield inside `ecs.parallel`).
    static func defineScripted(
        _ name: String, source: String, primitives: [(String, LuaHostFunction)], in state: LuaState
    ) throws {
        let call = state.main
        try state.load(source, name: "=ecs." + name)
        call.pushTable(fields: primitives.count)
        for (key, function) in primitives {
            call.pushFunction(function)
            call.setField(of: -2, key)
        }
        try state.protectedCall(argumentCount: 1, resultCount: 1)
        call.pushGlobal("ecs")
        call.pushCopy(of: -2)
        call.setField(of: -2, name)
        call.pop(2)
    }

    /// A primitive for a scripted function `name`: raises `ECSLuaError.methodCall` when its argument is the
    /// `ecs` table (the script's caller wrote `ecs:name`).
    static func methodCallCheck(_ name: String) -> LuaHostFunction {
        { call in
            if call.isECSModule(at: 1) { throw ECSLuaError.methodCall(name, location: call.location(level: 2)) }
            return .none
        }
    }
}
