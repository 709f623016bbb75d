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

extension PendingRequest {
    /// The error object of this request's failure; for a change, it says when the outcome is unknown (the
    /// request may have reached the server: a transport failure after connecting, a timeout, a 5xx, a body
    /// the transport could not read) or, when `answered` (the failure is in reading a 2xx answer), that the
    /// change was accepted.
    func failure(_ error: any Error, answered: Bool = false) -> ECSLuaError {
        var failure = ECSLuaError(error, action: action, location: location)
        guard mayChange, let action else { return failure }
        let unknown = "; \(action) may or may not have been applied"
        switch error {
        case ECSClientError.decoding where answered:
            failure.message += "; the server accepted \(action) (HTTP 2xx), so it was most likely applied"
        case let client as ECSClientError where client.isConnectFailure:
            break
        case ECSClientError.transport, ECSClientError.timeout, ECSClientError.decoding:
            failure.message += unknown
        case let service as ECSServiceError where service.httpStatus >= 500:
            failure.message += unknown
        default:
            break
        }
        return failure
    }
}
