import ECSCore
import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

/// Answers pushed from their JSON text (ResponsePusher, through LuaTableBuilder) against the same
/// answers pushed from the decoded tree by a plain reference walk: the same Lua values, wrappers
/// unwrapped or not.
final class ResponseTextPushTests: XCTestCase {
    private func pushed(_ payload: ResponsePayload, raw: Bool, seen: SeenImageIds? = nil, on state: LuaState) throws -> LuaValue {
        let call = state.main
        try ResponsePusher(raw: raw, seen: seen).push(payload, on: call)
        defer { call.pop() }
        return try call.value(at: -1)
    }

    private func pushedByReference(_ value: JSONValue, raw: Bool, on state: LuaState) throws -> LuaValue {
        let call = state.main
        ReferencePusher(raw: raw).push(value, key: nil, on: call)
        defer { call.pop() }
        return try call.value(at: -1)
    }

    func testTextAndTreeGiveTheSameTables() throws {
        let state = try LuaState()
        var generator = Generator(seed: 7)
        for round in 0..<400 {
            let value = generator.object(depth: 0)
            let text = Data(value.jsonText.utf8)
            for raw in [false, true] {
                XCTAssertEqual(
                    try pushed(ResponsePayload(text: text), raw: raw, on: state), try pushedByReference(value, raw: raw, on: state),
                    "round \(round) raw \(raw): \(value.jsonText)")
            }
            XCTAssertEqual(state.main.top, 0)
        }
    }

    func testWrappersCollapseAsTheWireShapesThem() throws {
        let state = try LuaState()
        let text = #"{"Images":{"Image":[{"ImageId":"m-1","Tags":{"Tag":{"Key":"k"}},"DiskDeviceMappings":{"DiskDeviceMapping":null}}]},"Empty":{},"Size":40,"Note":null}"#
        let value = try pushed(ResponsePayload(text: Data(text.utf8)), raw: false, on: state)
        XCTAssertEqual(value["Images"], .array([.map([
            "ImageId": .text("m-1"), "Tags": .array([.map(["Key": .text("k")])]), "DiskDeviceMappings": .table([]),
        ])]))
        XCTAssertEqual(value["Size"], .integer(40))
        XCTAssertNil(value["Note"], "null members are left out")
        let raw = try pushed(ResponsePayload(text: Data(text.utf8)), raw: true, on: state)
        XCTAssertEqual(raw["Images"]?["Image"].map { _ in true }, true, "ecs.call keeps the wrappers")
    }

    func testPushImagePicksTheImageWithTheIdAndLeavesOneValue() throws {
        let state = try LuaState()
        let call = state.main
        let cases: [(text: String, id: String, name: String?)] = [
            (#"{"Images":{"Image":[{"ImageId":"m-a","ImageName":"a"},{"ImageId":"m-b","ImageName":"b"}]}}"#, "m-b", "b"),
            (#"{"Images":{"Image":{"ImageId":"m-a","ImageName":"lone"}}}"#, "m-a", "lone"),
            (#"{"Images":{"Image":[{"ImageId":"m-a"}, 7, {"ImageId":7}]}}"#, "m-x", nil),
            (#"{"Images":{"Image":[]},"TotalCount":0}"#, "m-a", nil),
            (#"{}"#, "m-a", nil),
        ]
        for (text, id, name) in cases {
            try ResponsePusher().pushImage(id, from: ResponsePayload(text: Data(text.utf8)), on: call)
            XCTAssertEqual(call.top, 1, text)
            let image = try call.value(at: -1)
            call.pop()
            XCTAssertEqual(image["ImageName"]?.stringValue, name, text)
            if name == nil { XCTAssertEqual(image, .nil, text) }
        }
    }

    func testPushMemberGivesNilForAnAbsentOrEmptyMember() throws {
        let state = try LuaState()
        let call = state.main
        let cases: [(text: String, family: String?)] = [
            (#"{"Image":{"ImageFamily":"web","ImageId":"m-a"},"RequestId":"r"}"#, "web"),
            (#"{"Image":{},"RequestId":"r"}"#, nil),
            (#"{"Image":{"ImageId":null},"RequestId":"r"}"#, nil),
            (#"{"Image":"m-a","RequestId":"r"}"#, nil),
            (#"{"RequestId":"r"}"#, nil),
        ]
        for (text, family) in cases {
            try ResponsePusher().pushMember("Image", of: ResponsePayload(text: Data(text.utf8)), on: call)
            XCTAssertEqual(call.top, 1, text)
            let image = try call.value(at: -1)
            call.pop()
            XCTAssertEqual(image["ImageFamily"]?.stringValue, family, text)
            if family == nil { XCTAssertEqual(image, .nil, text) }
        }
    }

    func testImageIdsAreNotedAndBadTextIsADecodingError() throws {
        let state = try LuaState()
        let seen = SeenImageIds()
        let text = #"{"Images":{"Image":[{"ImageId":"m-a"},{"ImageId":"m-b","ImageIds":["m-c"]}]},"ImageId":"m-d"}"#
        _ = try pushed(ResponsePayload(text: Data(text.utf8)), raw: false, seen: seen, on: state)
        XCTAssertEqual(seen.matching("m-"), ["m-a", "m-b", "m-d"])
        for bad in ["", "{", #"{"a":1,}"#, "[1] x", #"{"a":"\u{01}"}"#] {
            XCTAssertThrowsError(try pushed(ResponsePayload(text: Data(bad.utf8)), raw: false, on: state), bad) { error in
                XCTAssertEqual((error as? ECSClientError)?.code, "Client.Decoding", "\(error)")
            }
            XCTAssertEqual(state.main.top, 0, "nothing is left on the stack after \(bad.debugDescription)")
        }
        let deep = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        XCTAssertThrowsError(try pushed(ResponsePayload(text: Data(deep.utf8)), raw: false, on: state))
    }
}

/// The reference: the answer's decoded tree walked into Lua tables, unwrapping (unless raw) every
/// `"Names": {"Name": ...}` wrapper into a list (a lone object is a one-element list, an empty or
/// null wrapper an empty one); null members are left out.
private struct ReferencePusher {
    let raw: Bool

    func push(_ value: JSONValue, key: String?, on call: LuaCall) {
        switch value {
        case .null: call.pushNil()
        case .bool(let b): call.push(b)
        case .int(let i): call.push(i)
        case .double(let d): call.push(d)
        case .string(let s): call.push(s)
        case .array(let items):
            call.pushTable(array: items.count)
            for (i, item) in items.enumerated() {
                push(item, key: nil, on: call)
                call.setElement(of: -2, Int64(i + 1))
            }
        case .object(let members):
            if !raw, let key, let list = Self.unwrappedList(key: key, members: members) {
                return push(.array(list), key: nil, on: call)
            }
            call.pushTable(fields: members.count)
            for (name, member) in members where !member.isNull {
                push(member, key: name, on: call)
                call.setField(of: -2, name)
            }
        }
    }

    static func unwrappedList(key: String, members: [String: JSONValue]) -> [JSONValue]? {
        guard key.hasSuffix("s") else { return nil }
        if members.isEmpty { return [] }
        guard members.count == 1, let (inner, value) = members.first, inner + "s" == key else { return nil }
        switch value {
        case .array(let items): return items
        case .object: return [value]
        case .null: return []
        default: return nil
        }
    }
}

/// Random answers in the wire's shape: objects of known names, list wrappers, nulls, numbers, strings.
private struct Generator {
    private var state: UInt64
    private let names = ["Images", "Image", "Tags", "Tag", "ImageId", "Size", "Name", "Features", "x"]

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func object(depth: Int) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for _ in 0..<next(4) { members[names[next(names.count)]] = value(depth: depth + 1) }
        return .object(members)
    }

    mutating func value(depth: Int) -> JSONValue {
        switch next(depth > 3 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(next(2) == 0)
        case 2: return .int(Int64(next(2_000_000)) - 1_000_000)
        case 3: return .double(Double(2 * next(1000) + 1) / 8)
        case 4: return .string(["", "m-bp1", "é中", "a\"b\\c\n", "😀"][next(5)])
        case 5: return .array((0..<next(3)).map { _ in value(depth: depth + 1) })
        case 6: return object(depth: depth)
        default:
            // A list wrapper: {"Image": [...]} or {"Image": {...}} or {"Image": null} under a plural name.
            let inner: JSONValue = [.array((0..<next(3)).map { _ in object(depth: depth + 1) }), object(depth: depth + 1), .null][next(3)]
            return .object([["Image", "Tag"][next(2)]: inner])
        }
    }
}
