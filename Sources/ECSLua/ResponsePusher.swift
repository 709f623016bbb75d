import ECSCore
import JSONText
import LuaBridge

/// Pushes API responses as Lua tables: field names kept, integers as Lua integers, and (unless raw)
/// the wire's list wrappers removed (`Images.Image` → `Images`, `Tags.Tag` → `Tags`).
struct ResponsePusher {
    /// Keep the wire's wrapper objects (`ecs.call`).
    var raw = false
    /// Where the `ImageId`s met on the way are noted, for the REPL's completion.
    var seen: SeenImageIds?

    /// Deepest nesting of an answer.
    static let maximumDepth = 100

    /// Pushes an answer; its JSON text goes from the bytes straight into Lua tables.
    func push(_ payload: ResponsePayload, on call: LuaCall) throws {
        let seen = self.seen
        // Every ECS answer is a JSON object; a bare value or an array read as one would be taken for an
        // answer (and the readers below look fields up in it).
        guard payload.text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
            throw ECSClientError.decoding("the answer is not a JSON object (\(payload.text.count) bytes)")
        }
        do {
            try payload.text.withUnsafeBytes { bytes in
                try call.pushJSON(
                    bytes, maximumDepth: Self.maximumDepth, unwrapLists: !raw, observedName: "ImageId",
                    observe: seen.map { seen in { seen.record($0) } })
            }
        } catch let error as JSONParseError {
            throw ECSClientError.decoding("response is not valid JSON (\(payload.text.count) bytes: \(error))")
        }
    }

    /// Pushes the answer's member `name` when it is a table with something in it, else nil.
    func pushMember(_ name: String, of payload: ResponsePayload, on call: LuaCall) throws {
        try call.ensureStack(4)
        try push(payload, on: call)
        _ = call.pushField(of: -1, name)
        let found = call.isTable(at: -1) && !call.isEmptyTable(at: -1)
        call.remove(at: -2)
        if !found {
            call.pop()
            call.pushNil()
        }
    }

    /// Pushes the image whose `ImageId` is `id` from the answer's `Images` list, else nil.
    func pushImage(_ id: String, from payload: ResponsePayload, on call: LuaCall) throws {
        try call.ensureStack(4)
        try push(payload, on: call)
        _ = call.pushField(of: -1, "Images")
        let count = call.isTable(at: -1) ? Int64(call.rawLength(at: -1)) : 0
        var index: Int64 = 1
        while index <= count {
            _ = call.pushElement(of: -1, index)
            if call.isTable(at: -1) {
                _ = call.pushField(of: -1, "ImageId")
                let match = call.string(at: -1) == id
                call.pop()
                if match {
                    // The answer and its list go; the image stays.
                    call.remove(at: -2)
                    call.remove(at: -2)
                    return
                }
            }
            call.pop()
            index += 1
        }
        call.pop(2)
        call.pushNil()
    }
}
