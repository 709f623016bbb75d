import LuaBridge
import XCTest

/// Issue 6 §2: every `ecs.*` function under hostile input gives a clear Lua error, never a crash,
/// and no request leaves for a malformed call.
final class HostileInputTests: ECSLuaTestCase {
    /// Each case must fail locally; returns a line per case: "ok" or what went wrong.
    static let cases = #"""
        local huge = string.rep("a", 1 << 20)
        local cyclic = {}; cyclic.again = cyclic
        local deep = {}; do local c = deep; for i = 1, 10000 do c.x = {}; c = c.x end end
        local raising = setmetatable({}, { __index = function() error("boom from __index") end,
                                           __newindex = function() error("boom from __newindex") end })
        local cases = {
          { "no arguments", function() return ecs.modify_image_attribute() end },
          { "a number", function() return ecs.modify_image_attribute(42) end },
          { "a function", function() return ecs.describe_images(print) end },
          { "1 MiB name", function() return ecs.modify_image_attribute{ ImageId = "m-1", ImageName = huge } end },
          { "1 MiB unknown key", function() return ecs.modify_image_attribute{ ImageId = "m-1", [huge] = 1 } end },
          { "invalid UTF-8", function() return ecs.modify_image_attribute{ ImageId = "m-1", ImageName = "ab\xff\xfe" } end },
          { "NUL bytes", function() return ecs.modify_image_attribute{ ImageId = "m-1", ImageFamily = "ab\0cd" } end },
          { "cyclic Features", function() return ecs.modify_image_attribute{ ImageId = "m-1", Features = cyclic } end },
          { "deep Features", function() return ecs.modify_image_attribute{ ImageId = "m-1", Features = deep } end },
          { "raising metatable", function() return ecs.modify_image_attribute(raising) end },
          { "NaN page size", function() return ecs.describe_images{ PageSize = 0/0 } end },
          { "negative page size", function() return ecs.describe_images{ PageSize = -1 } end },
          { "infinite page size", function() return ecs.describe_images{ PageSize = math.huge } end },
          { "2^63 page size", function() return ecs.describe_images{ PageSize = 2^63 } end },
          { "page number 0", function() return ecs.describe_images{ PageNumber = 0 } end },
          { "images with a number", function() return ecs.images(7) end },
          { "image of nil", function() return ecs.image(nil) end },
          { "image of a table", function() return ecs.image({}) end },
          { "empty family", function() return ecs.image_from_family{ ImageFamily = "" } end },
          { "boolean image id", function() return ecs.describe_image_share_permission{ ImageId = true } end },
          { "eleven accounts", function() return ecs.modify_image_share_permission{ ImageId = "m-1",
              AddAccount = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11" } } end },
          { "NaN language", function() return ecs.describe_regions{ AcceptLanguage = 0/0 } end },
          { "NaN force", function() return ecs.delete_image{ ImageId = "m-1", Force = 0/0 } end },
          { "wait without id", function() return ecs.wait_image{ Status = "Available" } end },
          { "wait with nothing", function() return ecs.wait_image{} end },
          { "parallel over nil", function() return ecs.parallel(nil, print) end },
          { "parallel without fn", function() return ecs.parallel({ 1 }, nil) end },
          { "bad rate", function() return ecs.config{ rate = "fast" } end },
          { "NaN region", function() return ecs.config{ region = 0/0 } end },
          { "table of nil", function() return ecs.table(nil) end },
          { "call without action", function() return ecs.call() end },
          { "call with a number", function() return ecs.call(42, {}) end },
          { "validate a cycle", function() return assert(ecs.validate.modify_image_attribute(cyclic)) end },
        }
        local report = {}
        for _, case in ipairs(cases) do
          local ok, err = pcall(case[2])
          local text = type(err) == "table" and tostring(err.code) .. ": " .. tostring(err.message) or tostring(err)
          if ok then
            report[#report + 1] = case[1] .. ": did not fail"
          elseif #text < 10 or #text > 2000 then
            report[#report + 1] = case[1] .. ": unclear message (" .. #text .. " bytes)"
          end
        end
        return #cases, table.concat(report, "\n")
        """#

    func testEveryFunctionRejectsHostileInputLocallyWithAClearError() throws {
        let values = try lua.run(Self.cases)
        XCTAssertEqual(values.first, .integer(33))
        XCTAssertEqual(values.last?.stringValue, "", "cases that misbehaved:\n\(values.last?.stringValue ?? "?")")
        XCTAssertEqual(lua.transport.actions, [], "a malformed call sent a request")
        XCTAssertEqual(try value("return 1 + 1"), .integer(2), "the state survives")
    }

    /// The malformed strings among those cases are refused by the parameter's own rule, with the server's code.
    func testMalformedStringsGetTheParametersRuleAndCode() throws {
        let cases: [(parameter: String, value: String, code: String)] = [
            ("ImageName", #""ab\xff\xfe""#, "InvalidImageName.Malformed"),
            ("ImageFamily", #""ab\0cd""#, "InvalidImageFamily.Malformed"),
            ("ImageName", #"string.rep("a", 1 << 20)"#, "InvalidImageName.Malformed"),
            ("Description", #""ok\xc3""#, "InvalidDescription.Malformed"),
            ("BootMode", #""UEFI\x80""#, "InvalidBootMode.NotSupport"),
        ]
        for (parameter, value, code) in cases {
            let v = try self.value("""
                local ok, err = pcall(ecs.modify_image_attribute, { ImageId = "m-1", \(parameter) = \(value) })
                return { code = err.code, parameter = err.parameter, status = err.http_status, size = #err.message }
                """)
            XCTAssertEqual(v["code"]?.stringValue, code, "\(parameter) = \(value)")
            XCTAssertEqual(v["parameter"]?.stringValue, parameter, "\(parameter) = \(value)")
            XCTAssertNil(v["status"])
            XCTAssertLessThan(v["size"]?.numericValue ?? .infinity, 400, "the offending value is truncated in the message")
        }
        XCTAssertEqual(lua.transport.actions, [])
    }

    /// Bytes that are not UTF-8 are refused wherever a string leaves for the server, never sent with U+FFFD
    /// in their place (a Description of "ok\xC3 fine" used to be stored as "ok\u{FFFD} fine").
    func testBytesThatAreNotUTF8AreNeverRepairedAndSent() throws {
        let v = try value(#"""
            local function refusal(f, ...)
              local ok, err = pcall(f, ...)
              return ok and "sent" or (err.code .. " " .. tostring(err.parameter) .. ": " .. err.message)
            end
            local vok, verr = ecs.validate.description("ok\xc3 fine")
            return {
              modify = refusal(ecs.modify_image_attribute, { ImageId = "m-1", Description = "ok\xc3 fine" }),
              tag = refusal(ecs.describe_images, { Tag = { { Key = "env", Value = "pr\xffod" } } }),
              image = refusal(ecs.image, "m-\xff"),
              call = refusal(ecs.call, "DescribeImages", { ImageName = "web\xfe" }),
              validate = tostring(vok) .. " " .. verr.code .. " " .. tostring(verr.parameter),
            }
            """#)
        XCTAssertEqual(
            v["modify"], "InvalidDescription.Malformed Description: Description must be valid UTF-8 text: byte 0xC3 at offset 2 starts no UTF-8 character.")
        XCTAssertEqual(v["tag"]?.stringValue?.hasPrefix("InvalidTagValue.Malformed Tag[1].Value: Tag.1.Value must be valid UTF-8 text: byte 0xFF at offset 2"), true, "\(String(describing: v["tag"]))")
        XCTAssertEqual(v["image"]?.stringValue?.hasPrefix("InvalidImageId.Malformed"), true, "\(String(describing: v["image"]))")
        XCTAssertEqual(
            v["call"], "InvalidParameter nil: parameter 'ImageName' of DescribeImages must be valid UTF-8 text: byte 0xFE at offset 3 starts no UTF-8 character")
        XCTAssertEqual(v["validate"], "false InvalidDescription.Malformed Description")
        XCTAssertEqual(lua.transport.actions, [], "nothing was sent")
    }
}
