import Foundation

/// The UTC timestamp both schemes sign (`2024-01-02T03:04:05Z`), formatted and parsed without DateFormatter.
public enum SigningTimestamp {
    /// Formats a date as `yyyy-MM-ddTHH:mm:ssZ` in UTC, truncating fractions of a second (years clamped to 0-9999).
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return ByteWriter.string(capacity: 20) { out in
            let fourDigitYear = Int(min(max(year, 0), 9999))
            appendTwoDigits(fourDigitYear / 100, to: &out)
            appendTwoDigits(fourDigitYear % 100, to: &out)
            out.write(UInt8(ascii: "-"))
            appendTwoDigits(month, to: &out)
            out.write(UInt8(ascii: "-"))
            appendTwoDigits(day, to: &out)
            out.write(UInt8(ascii: "T"))
            appendTwoDigits(secondOfDay / 3600, to: &out)
            out.write(UInt8(ascii: ":"))
            appendTwoDigits(secondOfDay / 60 % 60, to: &out)
            out.write(UInt8(ascii: ":"))
            appendTwoDigits(secondOfDay % 60, to: &out)
            out.write(UInt8(ascii: "Z"))
        }
    }

    /// Parses exactly `yyyy-MM-ddTHH:mm:ssZ` (UTC); nil for anything else, including out-of-range fields.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: Int64(year), month: month, day: day)
        guard civil(fromDays: days) == (Int64(year), month, day) else { return nil }
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    // Howard Hinnant's civil-from-days / days-from-civil algorithms (proleptic Gregorian calendar).
    private static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Writes `value` (0-99) as two decimal digits.
    @inline(__always)
    private static func appendTwoDigits(_ value: Int, to out: inout ByteWriter) {
        out.write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
        out.write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
