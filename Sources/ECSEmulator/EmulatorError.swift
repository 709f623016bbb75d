import Foundation

/// An API error the emulator answers with: the server's code, HTTP status and English message.
struct EmulatorError: Error, Equatable {
    let code: String
    let status: Int
    let message: String
    var headers: [String: String] = [:]

    /// An error whose status and message come from the catalogue of documented codes.
    init(_ code: String, message: String? = nil, status: Int? = nil, headers: [String: String] = [:]) {
        self.code = code
        self.status = status ?? ErrorMessages.status(for: code)
        self.message = message ?? ErrorMessages.message(for: code)
        self.headers = headers
    }

    /// `MissingParameter` naming the absent parameter, worded as the server words it.
    static func missing(_ parameter: String) -> EmulatorError {
        EmulatorError("MissingParameter", message: "The input parameter \"\(parameter)\" that is mandatory for processing this request is not supplied.")
    }

    /// `InvalidParameter` naming the parameter and the offending value.
    static func invalid(_ parameter: String, _ value: String) -> EmulatorError {
        EmulatorError("InvalidParameter", message: "The specified parameter \"\(parameter)\" is not valid: \(value.prefix(64))")
    }

    /// The JSON error response, with a fresh request id in the body and the recommend URL.
    func response(requestId: String) -> EmulatorResponse {
        let body = JSONNode.object([
            ("RequestId", .string(requestId)),
            ("HostId", .string(ErrorMessages.hostId)),
            ("Code", .string(code)),
            ("Message", .string(message)),
            ("Recommend", .string("https://api.aliyun.com/troubleshoot?q=\(code)&product=Ecs&requestId=\(requestId)")),
        ])
        return .json(status, body, headers: headers)
    }
}
