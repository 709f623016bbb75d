import Foundation

/// The ISO 8601 UTC timestamps of the ECS API (`2024-01-02T03:04:05Z`, also `2024-01-01T00:00Z`).
enum WireTime {
    /// Parses a wire timestamp; nil when it is not one of the accepted forms.
    static func parse(_ text: String) -> Date? {
        for format in ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd"] {
            if let date = formatter(format).date(from: text) { return date }
        }
        return nil
    }

    /// Formats a date as the API returns it.
    static func format(_ date: Date) -> String {
        formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").string(from: date)
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
