import ECSCore
import Foundation
import LuaBridge

extension ECSModule {
    /// The keys `ecs.wait_image` accepts (for suggestions and completion).
    static let waitImageKeys = ["ImageId", "RegionId", "Status", "condition", "timeout", "interval", "max_interval"]

    /// Defines `ecs.wait_image` from `WaitImageScript` and its Swift primitives.
    static func registerWaitImage(in state: LuaState, context: ECSContext) throws {
        let call = state.main
        try state.load(WaitImageScript.source, name: "=ecs.wait_image")
        call.pushTable(fields: 6)
        // Level 2: the primitives run inside wait_image; the user's call is one frame further up.
        call.pushFunction(image(context: context, level: 2))
        call.setField(of: -2, "image")
        call.pushFunction { c in
            let seconds = max(0, c.number(at: 1) ?? 0)
            let request = PendingRequest(action: "wait_image", location: c.location(level: 2), work: {
                try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
                return .value(.null)
            }, finish: { _, _ in 0 })
            return try context.perform(c, request)
        }
        call.setField(of: -2, "sleep")
        call.pushFunction { c in
            c.push(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
            return .values(1)
        }
        call.setField(of: -2, "now")
        call.pushFunction { c in
            throw ECSLuaError(code: "InvalidParameter", message: c.string(at: 2) ?? "invalid wait_image parameters", action: "wait_image", parameter: c.string(at: 1), location: c.location(level: 2))
        }
        call.setField(of: -2, "fail")
        call.pushFunction { c in
            let key = c.string(at: 1) ?? "?"
            var message = "unknown parameter '\(KeyDisplay.shown(key))' for wait_image"
            if let hint = NameSuggester.suggestion(for: key, among: waitImageKeys) { message += "; did you mean '\(hint)'?" }
            throw ECSLuaError(code: "InvalidParameter", message: message, action: "wait_image", parameter: KeyDisplay.shown(key), location: c.location(level: 2))
        }
        call.setField(of: -2, "unknown")
        call.pushFunction { c in
            throw ECSLuaError(code: "Client.WaitTimeout", message: c.string(at: 1) ?? "timed out", action: "wait_image", location: c.location(level: 2))
        }
        call.setField(of: -2, "timeout")
        try state.protectedCall(argumentCount: 1, resultCount: 1)
        call.pushGlobal("ecs")
        call.pushCopy(of: -2)
        call.setField(of: -2, "wait_image")
        call.pop(2)
    }
}
