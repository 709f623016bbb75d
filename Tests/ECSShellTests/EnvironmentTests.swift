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

    /// Bytecode is refused by loadfile, dofile and require too (it was only refused by load); text files still load.
    func testSandboxLoadsNoPrecompiledChunkFromAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        try plain.run(#"""
            local dir = ...
            local function write(name, text) local f = assert(io.open(dir .. "/" .. name, "wb")); f:write(text); f:close() end
            write("binmod.lua", string.dump(function() return "binary chunk ran" end))
            write("textmod.lua", "#!/usr/bin/env ecsh\nreturn 'text module ran with ' .. type(print)")
            write("failmod.lua", "#!/usr/bin/env ecsh\nerror('boom')")
            """#, arguments: [.text(dir.path)])
        var options = ShellOptions()
        options.sandbox = true
        let state = try LuaEnvironment.make(options: options, modules: [])
        try state.run("package.path = ... .. '/?.lua'", arguments: [.text(dir.path)])
        let binary = dir.appendingPathComponent("binmod.lua").path
        let text = dir.appendingPathComponent("textmod.lua").path
        let loaded = try state.run("return loadfile(...)", arguments: [.text(binary)])
        XCTAssertEqual(loaded.first, .nil)
        XCTAssertTrue(loaded.last?.stringValue?.contains("attempt to load a binary chunk") == true, "\(loaded)")
        for chunk in ["dofile(...)", "require('binmod')"] {
            XCTAssertThrowsError(try state.run(chunk, arguments: [.text(binary)]), chunk) { error in
                XCTAssertTrue("\(error)".contains("attempt to load a binary chunk"), "\(chunk): \(error)")
            }
        }
        XCTAssertEqual(try state.run("return loadfile(...)()", arguments: [.text(text)]), ["text module ran with function"])
        XCTAssertEqual(try state.run("return dofile(...)", arguments: [.text(text)]), ["text module ran with function"])
        XCTAssertEqual(try state.run("return (require('textmod'))"), ["text module ran with function"])
        XCTAssertThrowsError(try state.run("require('failmod')")) { error in
            XCTAssertTrue("\(error)".contains("failmod.lua:2: boom"), "line numbers are kept: \(error)")
        }
        XCTAssertEqual(try state.run("return load('return type(print)')(), load('return x', 'c', 't', { x = 7 })()"), ["function", .integer(7)])
        XCTAssertThrowsError(try state.run("require('no_such_module_here')")) { error in
            XCTAssertTrue("\(error)".contains("no file"), "\(error)")
        }
        XCTAssertEqual(try plain.run("return dofile(...)", arguments: [.text(binary)]), ["binary chunk ran"], "without --sandbox, as Lua")
        // As luaL_loadfile, a byte-order mark is skipped; a mode of "b" loads nothing at all here.
        let bom = dir.appendingPathComponent("bom.lua").path
        try Data([0xEF, 0xBB, 0xBF] + Array("return 'bom'\n".utf8)).write(to: URL(fileURLWithPath: bom))
        XCTAssertEqual(try state.run("return dofile(...)", arguments: [.text(bom)]), ["bom"])
        XCTAssertEqual(try state.run("return loadfile(..., 'b')", arguments: [.text(binary)]).first, .nil)
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

    /// -e in text mode prints a string result's exact bytes, as lua(1) does (bytes not UTF-8 came out as U+FFFD).
    func testTextResultsKeepTheirExactBytes() throws {
        let state = try LuaEnvironment.make(options: ShellOptions(), modules: [])
        var out: [UInt8] = []
        let runner = ScriptRunner(state: state, options: ShellOptions(), write: { out += $0 }, writeError: { _ in })
        XCTAssertEqual(runner.runChunks(["return 'a\\0b\\xff', 2, { 1 }"]), .success)
        XCTAssertEqual(Array(out.prefix(5)), [0x61, 0x00, 0x62, 0xFF, 0x09])
        XCTAssertEqual(String(decoding: out.dropFirst(5), as: UTF8.self), "2\t{ 1 }\n")
    }

    func testScriptRunnerExitStatusesAndJSONOutput() throws {
        var options = ShellOptions()
        options.output = .json
        let state = try LuaEnvironment.make(options: options, modules: [])
        var out = "", err = ""
        let runner = ScriptRunner(state: state, options: options, write: { out += String(decoding: $0, as: UTF8.self) }, writeError: { err += $0 })
        XCTAssertEqual(runner.runChunks(["x = 2", "return {a = x, b = {json.null}}, 'two'"]), .success)
        XCTAssertEqual(out, "{\"a\":2,\"b\":[null]}\n\"two\"\n")
        XCTAssertEqual(runner.runChunks(["error({code = 'X'})"]), .error)
        XCTAssertTrue(err.contains("(error object is a table value)"), err)
    }
}
