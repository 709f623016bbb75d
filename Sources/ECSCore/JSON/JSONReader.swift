import Foundation
import JSONText

/// Reads JSON text into `JSONValue` in one pass (`JSONParser` with a `JSONValueBuilder`).
///
/// It gives the values `JSONDecoder` gives (`.int` for every whole number that fits in 64 bits, however
/// spelt; the first of repeated names), without Codable's discover-the-kind-by-throwing cost, and it
/// refuses what that decoder refuses, and also the trailing commas it lets through.
enum JSONReader {
    /// Nesting deeper than this is refused (as `JSONDecoder` does at 512).
    static let maximumDepth = 512

    /// Parses one JSON text (any value at the top, whitespace around it, nothing after it).
    static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { raw in
            try JSONParser.parse(raw.bindMemory(to: UInt8.self), maximumDepth: maximumDepth, builder: JSONValueBuilder())
        }
    }
}
