import ECSCore
import ECSValidation
import Foundation
import LuaBridge

extension ECSModule {
    /// The keys `ecs.wait_image` accepts (for suggestions and completion).
    static let waitImageKeys = ["ImageId", "RegionId", "Status", "condition", "timeout", "interval", "max_interval"]

    /// Defines `ecs.wait_image` from `WaitImageScript` and its Swift primitives.
    static func registerWaitImage(in state: LuaState, context: ECSContext) throws {
        // Level 2: the primitives run inside wait_image; the user's call is one frame further up.
        try defineScripted("wait_image", source: WaitImageScript.source, primitives: [
            ("image", image(context: context, level: 2)),
            ("sleep", { c in
                let seconds = max(0, c.number(at: 1) ?? 0)
                let request = PendingRequest(action: "wait_image", location: c.location(level: 2), work: {
                    try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
                    return .none
                }, finish: { _, _ in 0 })
                return try context.perform(c, request)
            }),
            ("not_method_call", methodCallCheck("wait_image")),
            ("now", { c in
                c.push(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
                return .values(1)
            }),
            ("fail", { c in
                throw ECSLuaError(code: "InvalidParameter", message: c.string(at: 2) ?? "invalid wait_image parameters", action: "wait_image", parameter: c.string(at: 1), location: c.location(level: 2))
            }),
            ("status", { c in
                // A status no image can have would only end in a timeout (600 s by default): refuse it now.
                let text = c.string(at: 1) ?? ""
                let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if let bad = parts.first(where: { !ImageRules.imageStatuses.contains($0) }) {
                    var message = "parameter 'Status' of wait_image must be image statuses separated by commas ("
                        + ImageRules.imageStatuses.joined(separator: ", ") + "), got '\(KeyDisplay.shown(bad))'"
                    if let hint = NameSuggester.suggestion(for: bad, among: ImageRules.imageStatuses) { message += "; did you mean '\(hint)'?" }
                    throw ECSLuaError(code: "InvalidParameter", message: message, action: "wait_image", parameter: "Status", location: c.location(level: 2))
                }
                return .none
            }),
            ("unknown", { c in
                let key = c.string(at: 1) ?? "?"
                var message = "unknown parameter '\(KeyDisplay.shown(key))' for wait_image"
                if let hint = NameSuggester.suggestion(for: key, among: waitImageKeys) { message += "; did you mean '\(hint)'?" }
                throw ECSLuaError(code: "InvalidParameter", message: message, action: "wait_image", parameter: KeyDisplay.shown(key), location: c.location(level: 2))
            }),
            ("not_found", { c in
                throw ECSLuaError(
                    code: "InvalidImageId.NotFound", message: c.string(at: 1) ?? "The specified ImageId does not exist.",
                    action: "wait_image", parameter: "ImageId", location: c.location(level: 2))
            }),
            ("timeout", { c in
                throw ECSLuaError(code: "Client.WaitTimeout", message: c.string(at: 1) ?? "timed out", action: "wait_image", location: c.location(level: 2))
            }),
        ], in: state)
    }
}
