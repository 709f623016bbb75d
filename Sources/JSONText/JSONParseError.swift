/// Why a text is not JSON, and the byte offset where that was found.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// What was wrong.
    public let reason: String
    /// Byte offset into the text.
    public let offset: Int

    /// Creates an error.
    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// `reason at byte N`.
    public var description: String { "\(reason) at byte \(offset)" }
}
