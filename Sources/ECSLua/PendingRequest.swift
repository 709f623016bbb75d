import ECSCore
import LuaBridge

/// One ECS request of a Lua call: the work that runs as a Swift task, and how its answer becomes Lua values.
struct PendingRequest {
    /// The action or function named in errors.
    let action: String?
    /// `chunk:line` of the Lua call.
    let location: String?
    /// Whether the request may change something (an API action that is not a read): if it is interrupted in
    /// flight, the user is told it may have been applied.
    var mayChange = false
    /// Sends the request (runs off the Lua thread).
    let work: @Sendable () async throws -> ResponsePayload
    /// Pushes the call's results for an answer onto the calling thread's stack; returns how many.
    let finish: (LuaCall, ResponsePayload) throws -> Int32
}
