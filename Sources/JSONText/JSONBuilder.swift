/// What `JSONParser` makes of each piece of JSON text it reads: a tree of values, Lua tables, ...
///
/// Names and strings arrive as validated UTF-8 bytes that are valid only during the call; a member's
/// name arrives before its value is read.
public protocol JSONBuilder {
    /// A finished value.
    associatedtype Value
    /// An object being filled.
    associatedtype Object
    /// An array being filled.
    associatedtype Array

    /// JSON `null`.
    mutating func null() throws -> Value
    /// `true` or `false`.
    mutating func bool(_ value: Bool) throws -> Value
    /// A number with a whole value that fits in 64 bits, however it is spelt (`40`, `40.0`, `4e1`).
    mutating func int(_ value: Int64) throws -> Value
    /// Any other number.
    mutating func double(_ value: Double) throws -> Value
    /// A string's UTF-8 bytes, escapes decoded.
    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) throws -> Value
    /// An object starts.
    mutating func beginObject() throws -> Object
    /// The name of the member whose value is read next.
    mutating func name(_ utf8: UnsafeBufferPointer<UInt8>, in object: inout Object) throws
    /// The value of the member just named.
    mutating func member(_ value: Value, in object: inout Object) throws
    /// The object is complete.
    mutating func endObject(_ object: Object) throws -> Value
    /// An array starts.
    mutating func beginArray() throws -> Array
    /// The next element.
    mutating func element(_ value: Value, in array: inout Array) throws
    /// The array is complete.
    mutating func endArray(_ array: Array) throws -> Value
}
