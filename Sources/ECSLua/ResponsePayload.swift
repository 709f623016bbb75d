import ECSCore
import Foundation

/// An answer as a request's work hands it to the Lua thread: already decoded, or JSON text that is
/// pushed into Lua straight from its bytes (no Swift values in between).
enum ResponsePayload: Sendable {
    /// A decoded answer (made locally, or by a caller that needed to look inside).
    case value(JSONValue)
    /// The answer's JSON text, as the server sent it.
    case text(Data)

    /// The decoded answer, parsing the text when needed.
    func json() throws -> JSONValue {
        switch self {
        case .value(let value): return value
        case .text(let data): return try JSONValue.parse(data)
        }
    }
}
