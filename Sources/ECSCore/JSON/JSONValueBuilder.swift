import JSONText

/// Makes `JSONValue` trees out of what `JSONParser` reads; a repeated member name keeps its first value.
struct JSONValueBuilder: JSONBuilder {
    /// An object being read: its members so far and the name of the one being read.
    struct Object {
        var members: [String: JSONValue] = [:]
        var name = ""
    }

    func null() -> JSONValue { .null }
    func bool(_ value: Bool) -> JSONValue { .bool(value) }
    func int(_ value: Int64) -> JSONValue { .int(value) }
    func double(_ value: Double) -> JSONValue { .double(value) }
    func string(_ utf8: UnsafeBufferPointer<UInt8>) -> JSONValue { .string(String(decoding: utf8, as: UTF8.self)) }
    func beginObject() -> Object { Object() }
    func name(_ utf8: UnsafeBufferPointer<UInt8>, in object: inout Object) {
        object.name = String(decoding: utf8, as: UTF8.self)
    }

    func member(_ value: JSONValue, in object: inout Object) {
        // The `default:` subscript's modify accessor inserts only when the name is absent, with one hash.
        Self.keep(&object.members[object.name, default: value])
    }

    func endObject(_ object: Object) -> JSONValue { .object(object.members) }
    func beginArray() -> [JSONValue] { [] }
    func element(_ value: JSONValue, in array: inout [JSONValue]) { array.append(value) }
    func endArray(_ array: [JSONValue]) -> JSONValue { .array(array) }

    @inline(__always)
    private static func keep(_ value: inout JSONValue) {}
}
