import Foundation

/// An answer as a request's work hands it to the Lua thread: its JSON text as the server sent it,
/// pushed into Lua straight from the bytes (no Swift values in between).
struct ResponsePayload: Sendable {
    /// The answer's JSON text.
    let text: Data

    /// No answer: a request whose caller pushes nothing (a sleep).
    static let none = ResponsePayload(text: Data())
    /// An empty answer object (an image that does not exist).
    static let emptyObject = ResponsePayload(text: Data("{}".utf8))
}
