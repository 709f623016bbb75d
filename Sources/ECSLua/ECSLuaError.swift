import ECSCore
import ECSValidation
import LuaBridge

/// The error object a failed `ecs` call raises: the fields of the contract plus where the call was made.
public struct ECSLuaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The service's code (`InvalidImageName.Duplicated`), the validator's (the same), or the client's (`Client.Timeout`).
    public var code: String
    /// The English message, without the code.
    public var message: String
    /// The HTTP status of a server answer; nil for client-side validation and client failures.
    public var httpStatus: Int?
    /// The `RequestId` of the failed request, when the server answered.
    public var requestId: String?
    /// The `HostId` of the server's answer.
    public var hostId: String?
    /// The troubleshooting link of the server's answer.
    public var recommend: String?
    /// The API action that failed (`ModifyImageAttribute`), or the `ecs` function for local failures.
    public var action: String?
    /// True when repeating the call may succeed (throttling, 5xx, transport failures).
    public var retryable: Bool
    /// The offending parameter of a local validation error (`Features.ImdsSupport`).
    public var parameter: String?
    /// `chunk:line` of the Lua call that failed.
    public var location: String?

    /// Creates an error object from its parts.
    public init(
        code: String, message: String, httpStatus: Int? = nil, requestId: String? = nil, hostId: String? = nil,
        recommend: String? = nil, action: String? = nil, retryable: Bool = false, parameter: String? = nil,
        location: String? = nil
    ) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.hostId = hostId
        self.recommend = recommend
        self.action = action
        self.retryable = retryable
        self.parameter = parameter
        self.location = location
    }

    /// `Code (HTTP 400): Message [RequestId: ...]`, or `Code: Message` when there was no HTTP answer.
    public var description: String {
        ECSLuaError.render(code: code, message: message, httpStatus: httpStatus, requestId: requestId)
    }

    /// The text of `tostring(err)`, shared by Swift and the `__tostring` metamethod.
    static func render(code: String, message: String, httpStatus: Int?, requestId: String?) -> String {
        var text = code
        if let httpStatus { text += " (HTTP \(httpStatus))" }
        text += ": " + message
        if let requestId, !requestId.isEmpty { text += " [RequestId: \(requestId)]" }
        return text
    }
}

extension ECSLuaError {
    /// The error object for any failure of an ECS call: service answer, local validation, client failure.
    public init(_ error: any Error, action: String?, location: String?) {
        switch error {
        case let e as ECSLuaError:
            self = e
            if self.location == nil { self.location = location }
        case let e as ECSServiceError:
            self.init(
                code: e.code, message: e.message, httpStatus: e.httpStatus, requestId: e.requestId, hostId: e.hostId,
                recommend: e.recommend, action: e.action ?? action, retryable: e.retryable, location: location)
        case let e as ValidationError:
            self.init(
                code: e.code, message: e.message, action: action, retryable: false, parameter: e.parameter,
                location: location)
        case let e as ECSClientError:
            self.init(code: e.code, message: e.message, action: action, retryable: e.retryable, location: location)
        case let e as any ECSError:
            self.init(code: e.code, message: e.message, action: action, retryable: e.retryable, location: location)
        default:
            self.init(code: "Client.Error", message: String(describing: error), action: action, location: location)
        }
    }

    /// The "interrupted!" error of Ctrl-C during a wait (the message Lua's own interrupt uses).
    static func interrupted(action: String?, location: String?) -> ECSLuaError {
        ECSLuaError(code: "Client.Interrupted", message: LuaInterrupt.message, action: action, location: location)
    }
}

extension ECSLuaError {
    /// A positional argument of an `ecs` function of the wrong kind, as an error object (`InvalidParameter`)
    /// whose message reads like Lua's own: `bad argument #1 to 'image' (string expected, got table)`.
    static func badArgument(
        position: Int, function: String, expected: String, got: String, location: String?
    ) -> ECSLuaError {
        ECSLuaError(
            code: "InvalidParameter", message: "bad argument #\(position) to '\(function)' (\(expected) expected, got \(got))",
            action: function, location: location)
    }
}
