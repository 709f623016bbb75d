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

    func testEnclosingCall() {
        XCTAssertEqual(Completer.enclosingCall("ecs.modify_image_attribute{ "), "ecs.modify_image_attribute")
        XCTAssertEqual(Completer.enclosingCall("x = ecs.describe_images({ Status = 'A', "), "ecs.describe_images")
        XCTAssertNil(Completer.enclosingCall("t = {1} "))
        XCTAssertNil(Completer.enclosingCall("print("))
    }
}
