import LuaBridge
import XCTest

@testable import ECSLua

final class OutputTests: ECSLuaTestCase {
    func testTableAlignsByDisplayWidthWithCJK() throws {
        lua.clearOutput()
        let n = try value("""
            return ecs.table({
              { ImageId = "m-1", ImageName = "测试镜像", Status = "Available" },
              { ImageId = "m-22", ImageName = "web", Status = "Deprecated" },
              { ImageId = "m-333", Status = 7 },
            }, { "ImageId", "ImageName", "Status" })
            """)
        XCTAssertEqual(n, 3)
        XCTAssertEqual(lua.output, """
            ImageId  ImageName  Status
            -------  ---------  ----------
            m-1      测试镜像   Available
            m-22     web        Deprecated
            m-333               7

            """)
    }

    func testLongCellsAreTruncatedWithAnEllipsis() throws {
        lua.clearOutput()
        try lua.run(#"ecs.table({ { A = string.rep("x", 20), B = "中文中文中文" } }, { "A", "B" }, { max_width = 8 })"#)
        XCTAssertEqual(lua.output, "A         B\n--------  -------\nxxxxxxx…  中文中…\n")
    }

    func testColumnsDefaultToTheRowsScalarKeys() throws {
        lua.clearOutput()
        try lua.run(#"ecs.table({ { b = 1, a = "x", t = {} } })"#)
        XCTAssertEqual(lua.output, "a  b\n-  -\nx  1\n")
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("测试"), 4)
        XCTAssertEqual(DisplayWidth.of("ｆｕｌｌ"), 8)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.truncate("测试镜像", to: 5), "测试…")
    }

    func testConfigShowsSettingsButNeverTheSecret() throws {
        let v = try value("return ecs.config()")
        XCTAssertEqual(v["region"], "cn-hangzhou")
        XCTAssertEqual(v["signature"], "v3")
        XCTAssertEqual(v["dry_run"], false)
        XCTAssertEqual(v["access_key_id"], "demo-full-access")
        XCTAssertEqual(v["rate"], "off")
        let text = try value("local t = {}; for k, v in pairs(ecs.config()) do t[#t + 1] = k .. '=' .. tostring(v) end; return table.concat(t, ' ')")
        XCTAssertFalse(text.stringValue?.contains("demo-full-secret") ?? true)
        let set = try value(#"return ecs.config{ region = "cn-shanghai", rate = "100/6", retries = 2, timeout = 3, signature = "v1" }"#)
        XCTAssertEqual(set["region"], "cn-shanghai")
        XCTAssertEqual(set["rate"], "100/6")
        XCTAssertEqual(set["retries"], 2)
        XCTAssertEqual(set["signature"], "v1")
        XCTAssertEqual(set["timeout"], 3)
        XCTAssertEqual(lua.context.configuration.signature, .v1)
        XCTAssertEqual(try value("return #ecs.describe_images{ PageSize = 1 }.Images"), 1, "v1 signatures work too")
    }

    func testConfigErrors() throws {
        let v = try value("""
            local function msg(t) local ok, err = pcall(ecs.config, t); return err.message end
            return { key = msg{ regoin = "x" }, rate = msg{ rate = "fast" }, sig = msg{ signature = "v2" },
                     huge_rate = msg{ rate = "1/9223372036854775807" }, huge_timeout = msg{ timeout = 1e300 },
                     nan_timeout = msg{ timeout = 0/0 }, plain = msg{ endpoint = "http://example.com" },
                     port = msg{ endpoint = "https://ecs.aliyuncs.com:99999" },
                     region = msg{ region = "" }, dry = msg{ dry_run = "yes" } }
            """)
        XCTAssertEqual(v["key"], "unknown setting 'regoin' for ecs.config; did you mean 'region'? (settings: region, profile, endpoint, retries, timeout, rate, signature, dry_run)")
        XCTAssertEqual(v["rate"], #"config 'rate' must be "N/S" (e.g. "1000/60"; N from 1 to 1000000000, S from 0.001 to 86400 seconds) or "off", got "fast""#)
        XCTAssertEqual(v["huge_rate"]?.stringValue?.hasSuffix(#"got "1/9223372036854775807""#), true, "\(v)")
        XCTAssertEqual(v["huge_timeout"], "config 'timeout' must be a number of seconds above 0 and at most 86400")
        XCTAssertEqual(v["nan_timeout"], "config 'timeout' must be a number of seconds above 0 and at most 86400")
        // The same endpoint checks as --endpoint's.
        XCTAssertEqual(v["plain"]?.stringValue?.contains("refusing plain http to non-loopback endpoint"), true, "\(v)")
        XCTAssertEqual(v["port"]?.stringValue?.contains("port 99999 is not from 1 to 65535"), true, "\(v)")
        XCTAssertEqual(v["sig"], #"config 'signature' must be "v3" or "v1", got "v2""#)
        XCTAssertTrue(v["region"]?.stringValue?.hasPrefix("RegionId \"\"") ?? false, "\(v)")
        XCTAssertEqual(v["dry"], "config 'dry_run' must be a boolean, got string")
        XCTAssertEqual(try value("return ecs.config().region"), "cn-hangzhou", "a failed config changes nothing")
    }

    func testHelpForEveryFunction() throws {
        lua.clearOutput()
        try lua.run("help()")
        let overview = lua.output
        let names = try value("local t = {}; for k in pairs(ecs) do t[#t + 1] = k end; table.sort(t); return table.concat(t, ' ')")
        for name in try XCTUnwrap(names.stringValue).split(separator: " ") {
            XCTAssertTrue(overview.contains("ecs.\(name)"), "help() lists ecs.\(name)")
            lua.clearOutput()
            try lua.run("help(ecs.\(name))")
            XCTAssertFalse(lua.output.hasPrefix("no help"), "help(ecs.\(name))")
            XCTAssertTrue(lua.output.contains("Example:"), "help(ecs.\(name)): \(lua.output)")
        }
        lua.clearOutput()
        try lua.run("help(ecs.modify_image_attribute)")
        let text = lua.output
        for expected in ["ImageId", "ImageName", "Features.ImdsSupport", "one of BIOS, UEFI, UEFI-Preferred",
                         "InvalidImageName.Duplicated (HTTP 400): The specified Image name has already bean used.",
                         "OperationDeined.ImageUsingByInstance (HTTP 403)", "Returns: { RequestId = ... }"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        lua.clearOutput()
        try lua.run(#"help "wait_image"; help(ecs.validate.image_name); help(help); help(42)"#)
        XCTAssertTrue(lua.output.contains("ecs.wait_image{"))
        XCTAssertTrue(lua.output.contains("ecs.validate.<rule>(value)"))
        XCTAssertTrue(lua.output.contains("help() / help(fn)"))
        XCTAssertTrue(lua.output.hasSuffix("no help for 42; help() lists the functions\n"))
    }

    /// Each function's help is its own: it opens with the function's name and lists every parameter
    /// the validators accept for it, and no two functions print the same text.
    func testHelpOfEachFunctionNamesItsOwnParameters() throws {
        let names = try value("local t = {}; for k, v in pairs(ecs) do if type(v) == 'function' then t[#t + 1] = k end end; table.sort(t); return table.concat(t, ' ')")
        var texts: [String: String] = [:]
        for name in try XCTUnwrap(names.stringValue).split(separator: " ").map(String.init) {
            lua.clearOutput()
            try lua.run("help(ecs.\(name))")
            let text = lua.output
            XCTAssertTrue(text.hasPrefix("ecs.\(name)"), "help(ecs.\(name)) opens with its name:\n\(text)")
            // ecs.images takes describe_images's parameters and says so instead of listing them again.
            let listed = name == "images" && text.contains("(as describe_images)") ? [] : ECSParameterNames.names(forFunction: name)
            for parameter in listed {
                XCTAssertTrue(text.contains("  \(parameter) "), "help(ecs.\(name)) lists \(parameter)")
            }
            XCTAssertNil(texts.first { $0.value == text }, "help(ecs.\(name)) repeats another function's text")
            texts[name] = text
        }
        XCTAssertGreaterThanOrEqual(texts.count, 14)
        XCTAssertTrue(texts["describe_images"]?.contains("InvalidParameter") ?? false)
        XCTAssertTrue(texts["delete_image"]?.contains("InvalidImageId.NotFound (HTTP 404)") ?? false)
        XCTAssertFalse(ECSParameterNames.names(forFunction: "describe_images").isEmpty)
    }

    func testJSONModuleIsAvailable() throws {
        XCTAssertEqual(try value(#"return json.encode({ a = 1 })"#), #"{"a":1}"#)
    }
}
