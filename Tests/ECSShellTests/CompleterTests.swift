import LuaBridge
import XCTest
@testable import ECSShell

final class CompleterTests: XCTestCase {
    func testGlobalsFieldsMethodsKeywordsAndParameters() throws {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        try state.run("ecs = { modify_image_attribute = print, describe_images = print, images = print }; s = 'x'")
        let completer = Completer(state: state) { $0 == "ecs.modify_image_attribute" ? ["ImageId", "ImageName", "ImageFamily", "Status"] : [] }
        XCTAssertEqual(completer.candidates(for: "string.fo", lineBefore: ""), ["string.format"])
        XCTAssertEqual(completer.candidates(for: "ecs.mo", lineBefore: ""), ["ecs.modify_image_attribute"])
        XCTAssertEqual(completer.candidates(for: "ecs.", lineBefore: ""), ["ecs.describe_images", "ecs.images", "ecs.modify_image_attribute"])
        XCTAssertEqual(completer.candidates(for: "whi", lineBefore: ""), ["while"])
        XCTAssertTrue(completer.candidates(for: "pr", lineBefore: "").contains("print"))
        XCTAssertEqual(completer.candidates(for: "s:up", lineBefore: ""), ["s:upper"])
        XCTAssertEqual(completer.candidates(for: "Im", lineBefore: "ecs.modify_image_attribute{ "), ["ImageFamily", "ImageId", "ImageName"])
        XCTAssertEqual(completer.candidates(for: "Im", lineBefore: "ecs.modify_image_attribute{ ImageId = 'm', "), ["ImageFamily", "ImageId", "ImageName"])
        XCTAssertEqual(completer.candidates(for: "nothing.x", lineBefore: ""), [])
        XCTAssertEqual(state.stackTop, 0)
    }

    func testStringLiteralsCompleteFromKnownValues() throws {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        let known = ["m-bp1aaa", "m-bp1abc", "m-uf6zzz"]
        let completer = Completer(state: state, stringValues: { prefix in known.filter { $0.hasPrefix(prefix) } })
        // libedit's word stops at `-` and at the quote: the candidates replace only the word.
        XCTAssertEqual(completer.candidates(for: "bp1a", lineBefore: "ecs.image(\"m-"), ["bp1aaa", "bp1abc"])
        XCTAssertEqual(completer.candidates(for: "uf", lineBefore: "x = { ImageId = 'm-"), ["uf6zzz"])
        XCTAssertEqual(completer.candidates(for: "m", lineBefore: "ecs.image('"), known)
        XCTAssertEqual(completer.candidates(for: "", lineBefore: "ecs.image('m-bp1ab"), ["c"])
        XCTAssertEqual(completer.candidates(for: "zz", lineBefore: "ecs.image('m-"), [])
        XCTAssertEqual(completer.candidates(for: "pri", lineBefore: "x = 'a' "), ["print"], "a closed string is no string")
        XCTAssertTrue(completer.candidates(for: "pri", lineBefore: "x = 'it\\'s ").isEmpty, "an escaped quote keeps it open")
    }

    func testOpenString() {
        XCTAssertEqual(Completer.openString("ecs.image('m-b"), "m-b")
        XCTAssertEqual(Completer.openString(#"f("a", "b"#), "b")
        XCTAssertEqual(Completer.openString(#"f("it's", 'm"#), "m")
        XCTAssertNil(Completer.openString(#"f("a")"#))
        XCTAssertNil(Completer.openString("x = 1"))
    }

    func testEnclosingCall() {
        XCTAssertEqual(Completer.enclosingCall("ecs.modify_image_attribute{ "), "ecs.modify_image_attribute")
        XCTAssertEqual(Completer.enclosingCall("x = ecs.describe_images({ Status = 'A', "), "ecs.describe_images")
        XCTAssertNil(Completer.enclosingCall("t = {1} "))
        XCTAssertNil(Completer.enclosingCall("print("))
        // A table nested in the call's table, and ecs.call's table, which takes its action's parameters.
        XCTAssertEqual(Completer.enclosingCall("ecs.modify_image_attribute{ ImageId = 'm-1', Features = { "), "ecs.modify_image_attribute.Features")
        XCTAssertEqual(Completer.enclosingCall(#"ecs.call("ModifyImageAttribute", { "#), "ecs.call.ModifyImageAttribute")
        XCTAssertEqual(Completer.enclosingCall("ecs.call( 'DescribeImages' ,{ "), "ecs.call.DescribeImages")
        XCTAssertEqual(Completer.enclosingCall(#"ecs.call("ModifyImageAttribute", { Features = { "#), "ecs.call.ModifyImageAttribute.Features")
        XCTAssertNil(Completer.enclosingCall("t = { "), "a plain table is no call")
        XCTAssertNil(Completer.enclosingCall(#"f("a b", { "#))
    }
}
