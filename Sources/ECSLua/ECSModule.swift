import ECSCore
import LuaBridge

/// Registers the `ecs` Lua module and the global `help` on a Lua state.
public enum ECSModule {
    /// Defines the globals `ecs` and `help` (and `json` when the state has none yet).
    public static func register(in state: LuaState, context: ECSContext) throws {
        var functions: [String: LuaHostFunction] = [:]
        for schema in ActionSchemas.all where schema.action != "DescribeImageFromFamily" {
            functions[schema.function] = actionFunction(schema, context: context)
        }
        functions["image_from_family"] = imageFromFamily(context: context)
        functions["image"] = image(context: context)
        functions["call"] = rawCall(context: context)
        functions["config"] = config(context: context)
        functions["table"] = table(context: context)
        functions["parallel"] = parallel(context: context, state: state)
        for (name, function) in functions {
            functions[name] = { call in
                if call.isECSModule(at: 1) { throw ECSLuaError.methodCall(name, location: call.location()) }
                return try function(call)
            }
        }
        try state.register(library: "ecs", functions: functions)
        try registerValidate(in: state, context: context)
        try registerWaitImage(in: state, context: context)
        try registerImages(in: state, context: context)
        try registerParallelRunner(in: state)
        state.setGlobal("help", function: help(context: context))
        if try state.global("json") == .nil { try JSONModule.register(in: state) }
    }

    /// `ecs.<function>{...}` for an action: reads the table against the model, sends, returns the response table.
    static func actionFunction(_ schema: ActionSchema, context: ECSContext) -> LuaHostFunction {
        { call in
            let location = call.location()
            let parameters = try ParameterReader(call: call, schema: schema, location: location).read(at: 1)
            return try context.perform(call, context.request(action: schema.action, parameters: parameters, location: location) { co, payload in
                try ResponsePusher(seen: context.seenImageIds).push(payload, on: co)
                return 1
            })
        }
    }

    /// `ecs.image_from_family{ ImageFamily = ... }` → the image table, or nil when the family has none.
    static func imageFromFamily(context: ECSContext) -> LuaHostFunction {
        let schema = ActionSchemas.describeImageFromFamily
        return { call in
            let location = call.location()
            let parameters = try ParameterReader(call: call, schema: schema, location: location).read(at: 1)
            return try context.perform(call, context.request(action: schema.action, parameters: parameters, location: location) { co, payload in
                try ResponsePusher(seen: context.seenImageIds).pushMember("Image", of: payload, on: co)
                return 1
            })
        }
    }

    /// `ecs.call(Action, params)`: any action, parameters flattened as given, no local validation, raw response.
    static func rawCall(context: ECSContext) -> LuaHostFunction {
        { call in
            let location = call.location()
            guard let action = call.string(at: 1) else {
                throw ECSLuaError.badArgument(position: 1, function: "call", expected: "action name", got: call.typeName(at: 1), location: location)
            }
            // An action is a PascalCase name: anything else (empty, spaces, CR LF) can only fail, and would
            // otherwise be retried as a transport error and written into --debug lines as it is.
            let letters = action.utf8.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
            guard letters, let first = action.utf8.first, first > UInt8(ascii: "9") else {
                throw ECSLuaError(
                    code: "InvalidParameter",
                    message: "bad argument #1 to 'call' (an action name such as DescribeImages expected, got \(KeyDisplay.shown(action).debugDescription))",
                    action: "call", location: location)
            }
            let parameters = try RawParameterReader(call: call, action: action, location: location).read(at: 2)
            return try context.perform(call, context.request(action: action, parameters: parameters, raw: true, location: location) { co, payload in
                try ResponsePusher(raw: true, seen: context.seenImageIds).push(payload, on: co)
                return 1
            })
        }
    }
}
