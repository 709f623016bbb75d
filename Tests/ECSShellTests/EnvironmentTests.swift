import Foundation
import LuaBridge
import XCTest
@testable import ECSShell

final class EnvironmentTests: XCTestCase {
    func testSandboxRemovesSpawningWritingAndNativeLoading() throws {
        var options = ShellOptions()
        options.sandbox = true
        let state = try LuaEnvironment.make(options: options, modules: [])
        XCTAssertEqual(try state.run("return os.execute, io.popen, package.loadlib, os.remove, os.rename, debug, os.tmpname, io.tmpfile"),
                       [.nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        XCTAssertThrowsError(try state.run("io.open(...,'w')", arguments: [.text(path)])) { error in
            XCTAssertTrue((error as! LuaError).message.contains("writing files is disabled by --sandbox"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let loaded = try state.run("return load(string.dump(function() end))")
        XCTAssertEqual(loaded.first, .nil)
        XCTAssertTrue(loaded.last?.stringValue?.contains("attempt to load a binary chunk") == true, "\(loaded)")
        XCTAssertEqual(try state.run("return json.encode({1})"), ["[1]"])
    }

    func testWithoutSandboxEverythingIsThere() throws {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        XCTAssertEqual(try state.run("return type(os.execute), type(io.popen), type(debug)"), ["function", "function", "table"])
    }

    func testArgTableFollowsLua() throws {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        try LuaEnvironment.setArguments(state, interpreter: ["ecsh", "--local"], script: "s.lua", arguments: ["a", "b"])
        XCTAssertEqual(try state.run("return arg[-2], arg[-1], arg[0], arg[1], arg[2], #arg"), ["ecsh", "--local", "s.lua", "a", "b", .integer(2)])
        try LuaEnvironment.setArguments(state, interpreter: ["ecsh"], script: nil, arguments: [])
        XCTAssertEqual(try state.run("return arg[0], #arg"), ["ecsh", .integer(0)])
    }

    func testScriptRunnerExitStatusesAndJSONOutput() throws {
        var options = ShellOptions()
        options.output = .json
        let state = try LuaEnvironment.make(options: options, modules: [])
        var out = "", err = ""
        let runner = ScriptRunner(state: state, options: options, write: { out += $0 }, writeError: { err += $0 })
        XCTAssertEqual(runner.runChunks(["x = 2", "return {a = x, b = {json.null}}, 'two'"]), .success)
        XCTAssertEqual(out, "{\"a\":2,\"b\":[null]}\n\"two\"\n")
        XCTAssertEqual(runner.runChunks(["error({code = 'X'})"]), .error)
        XCTAssertTrue(err.contains("(error object is a table value)"), err)
    }
}
