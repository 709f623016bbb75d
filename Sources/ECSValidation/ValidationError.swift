/// A request parameter that breaks a rule, carrying the very code the ECS server gives for it.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server's error code, e.g. `InvalidImageName.Malformed`.
    public let code: String
    /// The wire name of the offending parameter, e.g. `Features.ImdsSupport` or `Tag.3.Key`.
    public let parameter: String
    /// Names the parameter, the rule and the offending value (truncated to 64 characters).
    public let message: String
    /// The HTTP status the server answers with for `code`.
    public let httpStatus: Int

    /// Creates an error with an explicit HTTP status.
    public init(code: String, parameter: String, message: String, httpStatus: Int) {
        self.code = code
        self.parameter = parameter
        self.message = message
        self.httpStatus = httpStatus
    }

    /// Creates an error whose HTTP status is the one `ErrorCatalog` documents for `code`.
    public init(code: String, parameter: String, message: String) {
        self.init(
            code: code, parameter: parameter, message: message,
            httpStatus: ErrorCatalog.httpStatus(for: code))
    }

    /// `Code: message`, e.g. `InvalidImageName.Malformed: ImageName "1abc": must start with ...`.
    public var description: String { "\(code): \(message)" }
}

extension ValidationError {
    /// A value that is present but breaks `rule`; the message quotes the value, truncated.
    static func invalid(
        _ code: String, parameter: String, value: String, rule: String
    ) -> ValidationError {
        ValidationError(
            code: code, parameter: parameter,
            message: "\(parameter) \(ValueDisplay.quoted(value)): \(rule).")
    }

    /// A required parameter that is absent; worded like the server's own message.
    static func missing(_ parameter: String) -> ValidationError {
        ValidationError(
            code: "MissingParameter", parameter: parameter,
            message: "The input parameter \"\(parameter)\" that is mandatory for processing this request is not supplied.")
    }
}
