import Foundation
import Testing

@testable import ECSEmulator

/// WireTime's arithmetic fast path gives exactly what the `DateFormatter` gives, and leaves the rest to it.
@Suite struct WireTimeTests {
    let seconds = WireTime.formatter("yyyy-MM-dd'T'HH:mm:ss'Z'")
    let minutes = WireTime.formatter("yyyy-MM-dd'T'HH:mm'Z'")

    /// Dates from 1970 to 2100, about 37 hours apart, with odd fractions of a second; and the demo data's.
    var dates: [Date] {
        let sweep = stride(from: 0.0, to: 4_102_444_800, by: 133_337.371).map { Date(timeIntervalSince1970: $0) }
        return sweep + DemoData.images().map(\.creationTime) + [Date(timeIntervalSince1970: 951_782_399.999)]
    }

    @Test func formattingMatchesTheFormatter() {
        for date in dates {
            #expect(WireTime.fastFormat(date) == seconds.string(from: date), "\(date.timeIntervalSince1970)")
        }
        #expect(WireTime.fastFormat(Date(timeIntervalSince1970: -1)) == nil)
        #expect(WireTime.format(Date(timeIntervalSince1970: -86_400)) == "1969-12-31T00:00:00Z")
    }

    @Test func parsingMatchesTheFormatter() {
        for date in dates {
            let long = seconds.string(from: date)
            #expect(WireTime.fastParse(long) == seconds.date(from: long), "\(long)")
            let short = minutes.string(from: date)
            #expect(WireTime.fastParse(short) == minutes.date(from: short), "\(short)")
        }
    }

    @Test func unusualFormsFallBackToTheFormatter() {
        for text in ["2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-02T24:00:00Z", "2024-1-2T03:04:05Z",
                     "2024-01-02T03:04:05.123Z", "2024-01-02", "1969-12-31T23:59:59Z", "2024-01-02 03:04:05Z", "２０２４-01-02T03:04:05Z"] {
            #expect(WireTime.fastParse(text) == nil, "\(text)")
        }
        let fraction = WireTime.parse("2024-01-02T03:04:05.123Z")?.timeIntervalSince1970 ?? 0
        #expect(abs(fraction - 1_704_164_645.123) < 0.000_5)
        #expect(WireTime.parse("2024-01-02") == Date(timeIntervalSince1970: 1_704_153_600))
        #expect(WireTime.parse("2024-02-29T12:00Z") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(WireTime.parse("yesterday") == nil)
    }
}
