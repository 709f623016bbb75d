import Foundation

/// The ISO 8601 UTC timestamps of the ECS API (`2024-01-02T03:04:05Z`, also `2024-01-01T00:00Z`).
///
/// Every request parses one and every image rendered formats one, so the usual forms take an
/// arithmetic fast path; anything else goes to a `DateFormatter`, whose answer is the reference.
enum WireTime {
    /// Parses a wire timestamp; nil when it is not one of the accepted forms.
    static func parse(_ text: String) -> Date? {
        if let date = fastParse(text) { return date }
        for format in ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd"] {
            if let date = formatter(format).date(from: text) { return date }
        }
        return nil
    }

    /// Formats a date as the API returns it.
    static func format(_ date: Date) -> String {
        fastFormat(date) ?? formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").string(from: date)
    }

    static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` or `yyyy-MM-ddTHH:mmZ` with in-range fields, years 1970–9999; nil otherwise.
    static func fastParse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 17, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
              bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":")
        else { return nil }
        if bytes.count == 20, bytes[16] != UInt8(ascii: ":") { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + length] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = bytes.count == 20 ? number(17, 2) : 0,
              year >= 1970, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = daysFromEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` for years 1970–9999 (seconds truncated, as the formatter does); nil otherwise.
    static func fastFormat(_ date: Date) -> String? {
        let interval = date.timeIntervalSince1970
        guard interval >= 0, interval < 253_402_300_800 else { return nil }
        let milliseconds = Int64((interval * 1000).rounded(.down))
        let total = Int(milliseconds / 1000)
        let (days, rest) = total.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = civil(daysFromEpoch: days)
        var text = ""
        text.reserveCapacity(20)
        func append(_ value: Int, _ width: Int) {
            let digits = String(value)
            text += String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        append(year, 4); text += "-"; append(month, 2); text += "-"; append(day, 2); text += "T"
        append(rest / 3_600, 2); text += ":"; append(rest / 60 % 60, 2); text += ":"; append(rest % 60, 2); text += "Z"
        return text
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`), for days ≥ 0.
    private static func civil(daysFromEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
