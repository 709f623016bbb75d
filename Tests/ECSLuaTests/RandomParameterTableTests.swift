import LuaBridge
import XCTest

/// Random parameter tables, seeded, through every `ecs.*` function that takes one: each call either
/// succeeds with a table or raises an ECS error object (non-empty code and message, never the
/// catch-all `Client.Error` of an unexpected failure), and the state stays usable.
final class RandomParameterTableTests: ECSLuaTestCase {
    static let script = #"""
        math.randomseed(20261129)
        local ids = {}
        for _, image in ipairs(ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 20 }.Images) do
          ids[#ids + 1] = image.ImageId
        end
        local cyclic = {}; cyclic.self = cyclic
        local function pick(list) return list[math.random(#list)] end
        local names = {
          "RegionId", "ImageId", "ImageName", "Description", "ImageFamily", "BootMode", "LicenseType", "Status",
          "Features", "DryRun", "PageSize", "PageNumber", "ImageOwnerAlias", "OSType", "Architecture", "Tag",
          "Filter", "AddAccount", "RemoveAccount", "Force", "AcceptLanguage", "ShowExpired", "IsPublic",
          "imageid", "Image_Id", "ImageNam", "", "\xff\xfe", string.rep("K", 300), 1, 2.5, true,
        }
        local values = {
          function() return pick(ids) end, function() return "m-doesnotexist000000" end,
          function() return "web-prod-" .. math.random(1000) end, function() return "" end,
          function() return string.rep("x", math.random(0, 300)) end, function() return "http://evil" end,
          function() return "aliyun-x" end, function() return "ACS:x" end, function() return "ab\0cd" end,
          function() return "\xff\xfe\xfd" end, function() return "UEFI" end, function() return "BYOL" end,
          function() return "Deprecated" end, function() return "Available" end, function() return "v2" end,
          function() return "cn-beijing" end, function() return "nowhere-1" end, function() return "self" end,
          function() return 0 end, function() return -1 end, function() return math.random(1, 120) end,
          function() return 2^53 end, function() return 0/0 end, function() return math.huge end,
          function() return 1.5 end, function() return true end, function() return false end,
          function() return { ImdsSupport = pick({ "v2", "v1", "", 3 }), NvmeSupport = "supported" } end,
          function() return { { Key = "env", Value = "prod" }, { Key = 1 } } end,
          function() return { "123456789012", "2" } end, function() return {} end,
          function() return cyclic end, function() return print end, function() return coroutine.create(print) end,
        }
        local function randomTable()
          local t = {}
          for _ = 1, math.random(0, 6) do t[pick(names)] = pick(values)() end
          if math.random(3) > 1 and #ids > 0 then t.ImageId = t.ImageId or pick(ids) end
          return t
        end
        local functions = {
          "modify_image_attribute", "describe_images", "image_from_family", "describe_image_share_permission",
          "modify_image_share_permission", "describe_regions", "delete_image",
        }
        local calls, ok, failed, bad = 0, 0, 0, {}
        local function check(label, success, result)
          calls = calls + 1
          if success then
            ok = ok + 1
            if result ~= nil and type(result) ~= "table" and type(result) ~= "boolean" then
              bad[#bad + 1] = label .. ": returned a " .. type(result)
            end
            return
          end
          failed = failed + 1
          if type(result) ~= "table" then
            bad[#bad + 1] = label .. ": raised a " .. type(result) .. ": " .. tostring(result)
          elseif type(result.code) ~= "string" or result.code == "" or type(result.message) ~= "string"
              or result.message == "" or result.code == "Client.Error" then
            bad[#bad + 1] = label .. ": raised " .. tostring(result.code) .. ": " .. tostring(result.message)
          elseif tostring(result) == "" then
            bad[#bad + 1] = label .. ": empty tostring"
          end
        end
        for round = 1, 500 do
          local which = pick(functions)
          local params = randomTable()
          check(which .. " #" .. round, pcall(ecs[which], params))
          if round % 10 == 0 then
            check("images #" .. round, pcall(function()
              local n = 0
              for _ in ecs.images(randomTable()) do n = n + 1; if n == 3 then break end end
              return {}
            end))
            check("call #" .. round, pcall(ecs.call, pick({ "DescribeImages", "DescribeRegions", "NoSuchAction" }), randomTable()))
            check("validate #" .. round, pcall(ecs.validate.modify_image_attribute, randomTable()))
            check("image #" .. round, pcall(ecs.image, pick(values)()))
          end
        end
        return calls, ok, failed, table.concat(bad, "\n")
        """#

    func testRandomTablesSucceedOrRaiseErrorObjects() throws {
        let values = try lua.run(Self.script)
        XCTAssertEqual(values.count, 4)
        guard case .integer(let calls)? = values.first, case .integer(let ok) = values[1], case .integer(let failed) = values[2]
        else { return XCTFail("unexpected results \(values)") }
        XCTAssertEqual(calls, 700)
        XCTAssertGreaterThan(ok, 50, "some random tables are valid requests")
        XCTAssertGreaterThan(failed, 50, "most random tables are refused")
        XCTAssertEqual(values[3].stringValue, "", "calls that misbehaved:\n\(values[3].stringValue ?? "?")")
        XCTAssertEqual(lua.state.main.top, 0)
        XCTAssertEqual(try value("return #ecs.describe_images{ PageSize = 5 }.Images"), .integer(5), "the state survives")
    }
}
