/// A Lua string whose bytes are not UTF-8, so it cannot become Swift text without changing it.
public struct InvalidUTF8: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 0-based offset of the first byte that starts no valid sequence.
    public var offset: Int
    /// That byte.
    public var byte: UInt8

    /// The first invalid sequence of `bytes`; nil when they are valid UTF-8.
    public static func first(in bytes: UnsafeRawBufferPointer) -> InvalidUTF8? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return InvalidUTF8(offset: offset, byte: bytes[offset])
            }
        }
    }

    /// `byte 0xC3 at offset 2`.
    public var description: String { "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)" }
}
