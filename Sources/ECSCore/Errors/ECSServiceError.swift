import Foundation

/// An error answer from the ECS API (or the emulator), parsed from its JSON error body.
public struct ECSServiceError: ECSError, Equatable {
    /// The service's error code, e.g. `InvalidImageName.Duplicated`; `UnknownError` when the body had none.
    public var code: String
    /// The service's English message.
    public var message: String
    /// The HTTP status of the answer.
    public var httpStatus: Int
    /// The `RequestId` of the failed request, if the body carried one.
    public var requestId: String?
    /// The `HostId` (the endpoint host) from the body.
    public var hostId: String?
    /// The troubleshooting link from the body.
    public var recommend: String?
    /// The API action that failed.
    public var action: String?
    /// The retry delay the server asked for (`x-acs-retry-after`, milliseconds), if any.
    public var retryAfterMilliseconds: Int?

    /// Creates an error from its parts.
    public init(
        code: String, message: String, httpStatus: Int, requestId: String? = nil, hostId: String? = nil,
        recommend: String? = nil, action: String? = nil, retryAfterMilliseconds: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.hostId = hostId
        self.recommend = recommend
        self.action = action
        self.retryAfterMilliseconds = retryAfterMilliseconds
    }

    /// True for throttling, any 5xx, `ServiceUnavailable` and `InternalError`.
    public var retryable: Bool { RetryClassification.isRetryable(code: code, httpStatus: httpStatus) }

    /// True for `Throttling*` codes.
    public var isThrottling: Bool { RetryClassification.isThrottling(code: code) }

    /// `Code (HTTP 400): Message [RequestId: ...]`.
    public var description: String {
        var text = "\(code) (HTTP \(httpStatus)): \(message)"
        if let requestId, !requestId.isEmpty { text += " [RequestId: \(requestId)]" }
        return text
    }
}

extension ECSServiceError {
    /// Parses an error answer: `{RequestId, HostId, Code, Message, Recommend}` with any field missing,
    /// lower-case keys, the same fields as an XML `<Error>` document, or a body that is neither (then the
    /// code is `UnknownError`). The server's texts come out printable (`ServerText`).
    public static func parse(
        status: Int, body: Data, action: String? = nil, headers: [(name: String, value: String)] = []
    ) -> ECSServiceError {
        parseFields(status: status, body: body, action: action, headers: headers).mappingServerTexts(ServerText.printable)
    }

    private static func parseFields(
        status: Int, body: Data, action: String?, headers: [(name: String, value: String)]
    ) -> ECSServiceError {
        let retryAfter = headers.first { $0.name.lowercased() == "x-acs-retry-after" }
            .flatMap { Int($0.value.trimmingCharacters(in: .whitespaces)) }
        let headerRequestId = headers.first { $0.name.lowercased() == "x-acs-request-id" }?.value
        let fallbackMessage = reasonPhrase(status)
        guard let json = try? JSONValue.parse(body), case .object(let members) = json else {
            if let xml = XMLErrorBody(String(decoding: body, as: UTF8.self)[...]) {
                return fromFields(
                    xml.fields, status: status, action: action, headerRequestId: headerRequestId, retryAfter: retryAfter)
            }
            let text = String(decoding: body.prefix(200), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return ECSServiceError(
                code: "UnknownError",
                message: text.isEmpty ? fallbackMessage : "\(fallbackMessage): \(text)",
                httpStatus: status, requestId: headerRequestId, action: action,
                retryAfterMilliseconds: retryAfter)
        }
        let fields = members.compactMapValues { $0.stringValue }
        // Some gateways nest the error one level down: {"Error": {"Code": ...}}.
        if field("Code", in: fields) == nil, let nested = members["Error"], case .object = nested,
            let data = try? JSONEncoder().encode(nested)
        {
            var inner = parseFields(status: status, body: data, action: action, headers: headers)
            inner.requestId = inner.requestId ?? field("RequestId", in: fields)
            return inner
        }
        return fromFields(fields, status: status, action: action, headerRequestId: headerRequestId, retryAfter: retryAfter)
    }

    /// The error made of a body's text fields (JSON members or XML elements), looked up case-insensitively.
    private static func fromFields(
        _ fields: [String: String], status: Int, action: String?, headerRequestId: String?, retryAfter: Int?
    ) -> ECSServiceError {
        ECSServiceError(
            code: field("Code", in: fields) ?? "UnknownError",
            message: field("Message", in: fields) ?? reasonPhrase(status),
            httpStatus: status,
            requestId: field("RequestId", in: fields) ?? headerRequestId,
            hostId: field("HostId", in: fields),
            recommend: field("Recommend", in: fields),
            action: action,
            retryAfterMilliseconds: retryAfter)
    }

    /// The non-empty value of `name` in `fields`, matched exactly first, then ignoring case (`code`, `requestId`).
    private static func field(_ name: String, in fields: [String: String]) -> String? {
        let value = fields[name] ?? fields.first { $0.key.lowercased() == name.lowercased() }?.value
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

extension ECSServiceError {
    /// The standard reason phrase of a status, used when the body has no message.
    static func reasonPhrase(_ status: Int) -> String {
        let phrases = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
            429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout",
        ]
        return phrases[status] ?? "HTTP status \(status)"
    }
}
