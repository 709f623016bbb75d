/// Rules for the generic wire types every action shares: booleans, integers, account IDs, list indices.
public enum ParameterRules {
    /// The spellings a server accepts for a boolean (the Python SDKs send `True`/`False`).
    public static let booleanValues = ["true", "false", "True", "False"]

    /// The error for an empty string given as `parameter` (`Tag.2.Key`, `Features.ImdsSupport`): the Lua API
    /// treats `""` as a value, never as an absent filter. The code is the server's for a malformed value of
    /// that parameter where the catalog has one (`InvalidImageName.Malformed`, `InvalidBootMode.NotSupport`,
    /// `InvalidParameter.FeaturesImdsSupport`), else `InvalidParameter`.
    public static func emptyValue(parameter: String) -> ValidationError {
        .invalid(
            malformedCode(parameter: parameter), parameter: parameter, value: "",
            rule: "must not be empty (an empty string is a value, not an absent parameter: leave the key out instead)")
    }

    /// A string parameter whose bytes are not UTF-8 (`where` says which byte, e.g. `byte 0xC3 at offset 2`):
    /// refused with the same code as an empty one, since sending it would mean changing the user's text.
    public static func notUTF8(parameter: String, where position: String) -> ValidationError {
        ValidationError(
            code: malformedCode(parameter: parameter), parameter: parameter,
            message: "\(parameter) must be valid UTF-8 text: \(position) starts no UTF-8 character.")
    }

    /// The server's code for a malformed value of `parameter` where the catalog has one
    /// (`InvalidImageName.Malformed`, `InvalidBootMode.NotSupport`, ...), else `InvalidParameter`.
    static func malformedCode(parameter: String) -> String {
        let leaf = parameter.split(separator: ".").last.map(String.init) ?? parameter
        switch (parameter.hasPrefix("Tag."), leaf) {
        case (true, "Key"): return "InvalidTagKey.Malformed"
        case (true, "Value"): return "InvalidTagValue.Malformed"
        case (_, "RegionId"): return "InvalidRegionId.MalFormed"
        default:
            let candidates = [
                "Invalid\(leaf).Malformed", "Invalid\(leaf).NotSupport", "Invalid\(leaf).NotSupported",
                "InvalidParameter." + parameter.filter { $0 != "." },
            ]
            return candidates.first { ErrorCatalog.entry(for: $0) != nil } ?? "InvalidParameter"
        }
    }

    /// A boolean parameter: `true`, `false`, `True` or `False`, else `InvalidParameter`.
    public static func boolean(_ value: String, parameter: String) -> ValidationError? {
        for candidate in booleanValues where candidate == value { return nil }
        return .invalid(
            "InvalidParameter", parameter: parameter, value: value,
            rule: "must be a boolean: true or false")
    }

    /// An integer parameter inside `range`, else `InvalidParameter` naming the range.
    public static func integer(_ value: String, parameter: String, in range: ClosedRange<Int>) -> ValidationError? {
        guard let n = parseInteger(value) else {
            return .invalid(
                "InvalidParameter", parameter: parameter, value: value,
                rule: "must be an integer")
        }
        if range.contains(n) { return nil }
        let bounds: String
        if range.upperBound == Int.max {
            bounds = "must be at least \(range.lowerBound)"
        } else {
            bounds = "must be between \(range.lowerBound) and \(range.upperBound)"
        }
        return .invalid("InvalidParameter", parameter: parameter, value: value, rule: bounds)
    }

    /// A decimal integer with an optional sign, as a server's integer parser reads it; values beyond
    /// `Int` saturate to `Int.min`/`Int.max` so that range checks still fail them. Nil when not a number.
    public static func parseInteger(_ text: String) -> Int? {
        var negative = false
        var value = 0
        var digits = 0
        var saturated = false
        var first = true
        for b in text.utf8 {
            if first {
                first = false
                if b == 0x2D { negative = true; continue }
                if b == 0x2B { continue }
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            digits += 1
            if !saturated {
                let d = Int(b - 0x30)
                if value > (Int.max - d) / 10 { saturated = true } else { value = value * 10 + d }
            }
        }
        guard digits > 0 else { return nil }
        if saturated { return negative ? Int.min : Int.max }
        return negative ? -value : value
    }

    /// An Alibaba Cloud account ID (`AddAccount.N`, `RemoveAccount.N`): 1–32 ASCII digits.
    public static func accountId(_ value: String, parameter: String) -> ValidationError? {
        if TextScan.isDigits(value) && value.utf8.count <= 32 { return nil }
        return .invalid(
            "InvalidParameter", parameter: parameter, value: value,
            rule: "must be an Alibaba Cloud account ID: 1 to 32 digits")
    }

    /// The `N` of `Name.N` or `Name.N.Field`: a decimal without sign or leading zero; nil otherwise.
    public static func listIndex(_ text: Substring) -> Int? {
        guard let first = text.utf8.first, first != 0x30, text.utf8.count <= 9 else { return nil }
        var n = 0
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    /// Whether `value` is a UTC minute in the form `yyyy-MM-ddTHH:mmZ` naming a real calendar date.
    static func isFilterTime(_ value: String) -> Bool {
        let b = Array(value.utf8)
        guard b.count == 17, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x5A
        else { return false }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2)
        else { return false }
        guard (1...12).contains(month), hour < 24, minute < 60, day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
