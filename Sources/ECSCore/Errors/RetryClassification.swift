/// The single place that decides which failures are worth retrying.
public enum RetryClassification {
    /// HTTP statuses that mean "the server could not answer now": every 5xx, as the contract's `retryable` says.
    public static let retryableStatuses: ClosedRange<Int> = 500...599

    /// Service error codes that are retryable whatever their status.
    public static let retryableCodes: Set<String> = ["ServiceUnavailable", "InternalError"]

    /// True for throttling codes: any that starts with `Throttling` (`Throttling`, `Throttling.User`,
    /// `Throttling.Api`, `ThrottlingException`, ...).
    public static func isThrottling(code: String) -> Bool {
        code.hasPrefix("Throttling")
    }

    /// Whether a service answer with this code and status may succeed when repeated: throttling (by code, or
    /// HTTP 429 Too Many Requests), `ServiceUnavailable`, `InternalError`, any 5xx.
    public static func isRetryable(code: String, httpStatus: Int) -> Bool {
        isThrottling(code: code) || httpStatus == 429 || retryableCodes.contains(code) || retryableStatuses.contains(httpStatus)
    }

    /// Whether a client-side failure may succeed when repeated.
    public static func isRetryable(_ error: ECSClientError) -> Bool {
        switch error {
        case .transport, .timeout: return true
        case .decoding, .noCredentials, .insecureEndpoint, .cancelled: return false
        }
    }

    /// Whether any error may succeed when repeated; unknown errors are not retried.
    public static func isRetryable(_ error: any Error) -> Bool {
        (error as? any ECSError)?.retryable ?? false
    }
}
