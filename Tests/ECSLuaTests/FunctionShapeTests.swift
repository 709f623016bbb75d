import LuaBridge
import XCTest

@testable import ECSLua

final class FunctionShapeTests: ECSLuaTestCase {
    func testModifyImageAttributeReturnsRequestIdAndChangesTheImage() throws {
        let v = try value("""
            local img = find("web-prod-v1")
            local r = ecs.modify_image_attribute{ ImageId = img.ImageId, ImageName = "web-prod-renamed", Features = { ImdsSupport = "v2" } }
            local keys = {}
            for k in pairs(r) do keys[#keys + 1] = k end
            local after = ecs.image(img.ImageId)
            return { keys = table.concat(keys, ","), rid = type(r.RequestId), name = after.ImageName, imds = after.Features.ImdsSupport }
            """)
        XCTAssertEqual(v["keys"], "RequestId")
        XCTAssertEqual(v["rid"], "string")
        XCTAssertEqual(v["name"], "web-prod-renamed")
        XCTAssertEqual(v["imds"], "v2")
    }

    func testDescribeImagesFlattensWrappersAndKeepsIntegers() throws {
        let v = try value("""
            local page = ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 3 }
            local img = page.Images[1]
            return { n = #page.Images, total = math.type(page.TotalCount), number = page.PageNumber, size = page.PageSize,
                     rid = type(page.RequestId), sizeType = math.type(img.Size), owner = math.type(img.ImageOwnerId),
                     tags = type(img.Tags), tagsWrapped = img.Tags.Tag ~= nil, disks = #img.DiskDeviceMappings,
                     wrapped = page.Images.Image ~= nil, features = type(img.Features), bool = type(img.IsPublic),
                     items = type(img.DetectionOptions.Items) }
            """)
        XCTAssertEqual(v["n"], 3)
        XCTAssertEqual(v["total"], "integer")
        XCTAssertEqual(v["number"], 1)
        XCTAssertEqual(v["size"], 3)
        XCTAssertEqual(v["rid"], "string")
        XCTAssertEqual(v["sizeType"], "integer")
        XCTAssertEqual(v["owner"], "integer")
        XCTAssertEqual(v["tags"], "table")
        XCTAssertEqual(v["tagsWrapped"], false)
        XCTAssertEqual(v["wrapped"], false)
        XCTAssertEqual(v["features"], "table")
        XCTAssertEqual(v["bool"], "boolean")
        XCTAssertEqual(v["items"], "table")
        XCTAssertGreaterThanOrEqual(v["disks"]?.numericValue ?? 0, 1)
    }

    /// A page with no images, and an image without tags, encode their lists as [] (they came out as {}).
    func testEmptyListsEncodeAsJSONArrays() throws {
        let v = try value("""
            local page = ecs.describe_images{ ImageName = "no-such-image-zz" }
            local untagged
            for img in ecs.images{ ImageOwnerAlias = "self" } do if #img.Tags == 0 then untagged = img break end end
            return { page = json.encode(page.Images), total = page.TotalCount, tags = json.encode(untagged.Tags) }
            """)
        XCTAssertEqual(v["page"], "[]")
        XCTAssertEqual(v["total"], 0)
        XCTAssertEqual(v["tags"], "[]")
    }

    func testImagesIteratesEveryPageLazily() throws {
        let v = try value("""
            local total = ecs.describe_images{ ImageOwnerAlias = "self", Status = "ALL" }.TotalCount
            local n, seen, dup = 0, {}, false
            for img in ecs.images{ ImageOwnerAlias = "self", Status = "ALL", PageSize = 2 } do
              n = n + 1
              if seen[img.ImageId] then dup = true end
              seen[img.ImageId] = true
            end
            return { n = n, total = total, dup = dup }
            """)
        XCTAssertEqual(v["n"], v["total"])
        XCTAssertGreaterThan(v["n"]?.numericValue ?? 0, 4)
        XCTAssertEqual(v["dup"], false)
        let total = Int(v["total"]?.numericValue ?? 0)
        let describeCalls = lua.transport.actions.filter { $0 == "DescribeImages" }.count
        XCTAssertEqual(describeCalls, 1 + (total + 1) / 2 + (total % 2 == 0 ? 1 : 0), "one request per page, plus the empty last page when the total is even")

        let before = lua.transport.actions.count
        try lua.run(#"for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 2 } do break end"#)
        XCTAssertEqual(lua.transport.actions.count - before, 1, "breaking after the first image fetches one page only")
    }

    func testAFailingPageNamesTheLoopsLine() throws {
        let v = try value("""
            local ok, err = pcall(function()
              for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 1 } do
                ecs.config{ endpoint = "http://127.0.0.1:9", retries = 0 }
              end
            end)
            return { ok = ok, code = err.code, where = err["where"], action = err.action }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"]?.stringValue, "Client.Transport")
        XCTAssertEqual(v["where"]?.stringValue, "test:2", "the error points at the for loop")
        XCTAssertEqual(v["action"]?.stringValue, "DescribeImages")
    }

    func testImagesRejectsBadFiltersBeforeTheLoop() throws {
        let before = lua.transport.actions.count
        let v = try value(#"local ok, err = pcall(ecs.images, { Status = "Sleeping" }); return err.code"#)
        XCTAssertEqual(v, "InvalidParameter")
        XCTAssertEqual(lua.transport.actions.count, before)
    }

    func testImageReturnsTheTableOrNil() throws {
        let v = try value("""
            local creating = find("app-server-creating")
            local img = ecs.image(creating.ImageId)
            return { status = img.Status, missing = ecs.image("m-doesnotexist000") == nil,
                     elsewhere = ecs.image(creating.ImageId, "cn-beijing") == nil }
            """)
        XCTAssertEqual(v["status"], "Creating")
        XCTAssertEqual(v["missing"], true)
        XCTAssertEqual(v["elsewhere"], true)
        XCTAssertNotNil(luaError("ecs.image(42)")?.message.contains("bad argument #1 to 'image'"))
    }

    func testImageFromFamily() throws {
        let v = try value(#"local img = ecs.image_from_family{ ImageFamily = "web-prod" }; return { family = img.ImageFamily, status = img.Status, tags = type(img.Tags) }"#)
        XCTAssertEqual(v["family"], "web-prod")
        XCTAssertEqual(v["status"], "Available")
        XCTAssertEqual(v["tags"], "table")
        XCTAssertEqual(try value(#"return ecs.image_from_family{ ImageFamily = "no-such-family" } == nil"#), true)
    }

    func testSharePermissionsRoundTrip() throws {
        let v = try value("""
            local img = find("database-host")
            local r = ecs.modify_image_share_permission{ ImageId = img.ImageId, AddAccount = { "1122334455667788" } }
            local p = ecs.describe_image_share_permission{ ImageId = img.ImageId }
            return { rid = type(r.RequestId), n = #p.Accounts, id = p.Accounts[1].AliyunId, total = p.TotalCount,
                     groups = type(p.ShareGroups) }
            """)
        XCTAssertEqual(v["rid"], "string")
        XCTAssertEqual(v["n"], 1)
        XCTAssertEqual(v["id"], "1122334455667788")
        XCTAssertEqual(v["total"], 1)
        XCTAssertEqual(v["groups"], "table")
    }

    func testDescribeRegions() throws {
        let v = try value("""
            local function hangzhou(r)
              for _, region in ipairs(r.Regions) do if region.RegionId == "cn-hangzhou" then return region end end
            end
            local r = ecs.describe_regions{}
            local zh, en = hangzhou(r), hangzhou(ecs.describe_regions{ AcceptLanguage = "en-US" })
            return { n = #r.Regions, name = zh.LocalName, ep = zh.RegionEndpoint, en = en.LocalName,
                     wrapped = r.Regions.Region == nil }
            """)
        XCTAssertGreaterThan(v["n"]?.numericValue ?? 0, 3)
        XCTAssertEqual(v["name"], "华东1（杭州）")
        XCTAssertEqual(v["ep"], "ecs.cn-hangzhou.aliyuncs.com")
        XCTAssertEqual(v["en"], "China (Hangzhou)")
        XCTAssertEqual(v["wrapped"], true, "Regions.Region is flattened to an array")
    }

    func testDeleteImage() throws {
        let v = try value("""
            local img = find("broken-import-2024")
            local r = ecs.delete_image{ ImageId = img.ImageId }
            return { rid = type(r.RequestId), gone = ecs.image(img.ImageId) == nil }
            """)
        XCTAssertEqual(v["rid"], "string")
        XCTAssertEqual(v["gone"], true)
    }

    func testCallIsRawAndUnvalidated() throws {
        let v = try value("""
            local r = ecs.call("DescribeImages", { ImageOwnerAlias = "self", PageSize = 1, Tag = { { Key = "k", Value = "v" } } })
            local raw = ecs.call("DescribeImages", { ImageOwnerAlias = "self", PageSize = 1 })
            local img = find("web-prod-v2")
            local ok, err = pcall(ecs.call, "ModifyImageAttribute", { ImageId = img.ImageId, ImageName = "1bad" })
            return { wrapped = type(raw.Images.Image), n = #raw.Images.Image, region = raw.RegionId, code = err.code,
                     status = err.http_status, total = math.type(raw.TotalCount) }
            """)
        XCTAssertEqual(v["wrapped"], "table")
        XCTAssertEqual(v["n"], 1)
        XCTAssertEqual(v["region"], "cn-hangzhou")
        XCTAssertEqual(v["code"], "InvalidImageName.Malformed")
        XCTAssertEqual(v["status"], 400, "the server, not the client, rejected it")
        XCTAssertEqual(v["total"], "integer")
        XCTAssertEqual(lua.transport.actions.filter { $0 == "ModifyImageAttribute" }.count, 1)
    }

    /// An action name that cannot be one is refused before anything is sent (with CR LF it was retried as a
    /// transport error four times, and written into --debug lines as it was).
    func testCallRefusesWhatCannotBeAnActionName() throws {
        for bad in [#""""#, #""Describe\r\nImages""#, #""Describe Images""#, #""9Lives""#, #""Déscribe""#] {
            let v = try value("local ok, err = pcall(ecs.call, \(bad), {}); return { code = err.code, message = err.message }")
            XCTAssertEqual(v["code"], "InvalidParameter", bad)
            XCTAssertTrue(v["message"]?.stringValue?.hasPrefix("bad argument #1 to 'call' (an action name such as DescribeImages expected") ?? false, "\(bad): \(v)")
        }
        XCTAssertEqual(lua.transport.actions, [])
        XCTAssertEqual(try value(#"return ecs.call("DescribeRegions", {}).RequestId ~= nil"#), true)
    }

    func testValidateFunctions() throws {
        let v = try value("""
            local ok1 = ecs.validate.image_name("web-prod-v9")
            local ok2, err2 = ecs.validate.image_name("1bad")
            local ok3, err3 = ecs.validate.boot_mode("bios")
            local ok4, err4 = ecs.validate.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSupport = "v9" } }
            local ok5, err5 = ecs.validate.modify_image_attribute{ ImageId = "m-1", image_name = "x" }
            local ok6 = ecs.validate.modify_image_attribute{ ImageId = "m-1", ImageName = "fine-name" }
            return { ok1 = ok1, ok2 = ok2, c2 = err2.code, s2 = err2.http_status, ok3 = ok3, c3 = err3.code,
                     ok4 = ok4, c4 = err4.code, ok5 = ok5, m5 = err5.message, ok6 = ok6,
                     all = ecs.validate.status("Deprecated") and ecs.validate.imds_support("v2") and ecs.validate.nvme_support("supported")
                           and ecs.validate.license_type("BYOL") and ecs.validate.description("a fine one") and ecs.validate.image_family("fam-1") }
            """)
        XCTAssertEqual(v["ok1"], true)
        XCTAssertEqual(v["ok2"], false)
        XCTAssertEqual(v["c2"], "InvalidImageName.Malformed")
        XCTAssertNil(v["s2"])
        XCTAssertEqual(v["ok3"], false)
        XCTAssertEqual(v["c3"], "InvalidBootMode.NotSupport")
        XCTAssertEqual(v["c4"], "InvalidParameter.FeaturesImdsSupport")
        XCTAssertEqual(v["ok5"], false)
        XCTAssertEqual(v["m5"], "unknown parameter 'image_name' for ModifyImageAttribute; did you mean 'ImageName'?")
        XCTAssertEqual(v["ok6"], true)
        XCTAssertEqual(v["all"], true)
        XCTAssertEqual(lua.transport.actions.count, 0, "validation sends nothing")
    }

    /// Each rule refuses its bad values with the server's code, and no HTTP status (nothing was sent).
    func testEachValidateRuleRefusesWithTheServersCode() throws {
        let refused: [(rule: String, value: String, code: String)] = [
            ("image_name", #""aliyun-base""#, "InvalidImageName.Malformed"),
            ("image_name", #""x""#, "InvalidImageName.Malformed"),
            ("image_family", #""ACS:family""#, "InvalidImageFamily.Malformed"),
            ("image_family", #"string.rep("f", 129)"#, "InvalidImageFamily.Malformed"),
            ("description", #""http://example.com""#, "InvalidDescription.Malformed"),
            ("description", #"string.rep("d", 257)"#, "InvalidDescription.Malformed"),
            ("boot_mode", #""Legacy""#, "InvalidBootMode.NotSupport"),
            ("license_type", #""PAYG""#, "InvalidLicenseType.NotSupported"),
            ("status", #""deprecated""#, "InvalidParameter"),
            ("imds_support", #""v3""#, "InvalidParameter.FeaturesImdsSupport"),
            ("nvme_support", #""maybe""#, "InvalidParameter"),
        ]
        for (rule, value, code) in refused {
            let v = try self.value("""
                local ok, err = ecs.validate.\(rule)(\(value))
                return { ok = ok, code = err and err.code, status = err and err.http_status, message = err and err.message }
                """)
            XCTAssertEqual(v["ok"], false, "\(rule)(\(value))")
            XCTAssertEqual(v["code"]?.stringValue, code, "\(rule)(\(value))")
            XCTAssertNil(v["status"], "\(rule)(\(value))")
            XCTAssertFalse((v["message"]?.stringValue ?? "").isEmpty, "\(rule)(\(value))")
        }
        let accepted = try value("""
            return ecs.validate.image_family(string.rep("f", 128)) and ecs.validate.description(string.rep("d", 256))
               and ecs.validate.boot_mode("UEFI-Preferred") and ecs.validate.status("Available")
               and ecs.validate.imds_support("v1") and ecs.validate.nvme_support("unsupported")
            """)
        XCTAssertEqual(accepted, true)
        XCTAssertEqual(lua.transport.actions.count, 0, "validation sends nothing")
    }

    func testParameterNamesForCompletion() {
        let names = ECSParameterNames.names(forFunction: "modify_image_attribute")
        XCTAssertTrue(names.filter { $0.hasPrefix("Im") } == ["ImageFamily", "ImageId", "ImageName"])
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.modify_image_attribute"), names)
        XCTAssertTrue(ECSParameterNames.names(forFunction: "images").contains("PageSize"))
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.modify_image_attribute.Features"), ["ImdsSupport", "NvmeSupport"])
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.call.ModifyImageAttribute"), names)
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.call.ModifyImageAttribute.Features"), ["ImdsSupport", "NvmeSupport"])
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.call.NoSuchAction"), [])
        XCTAssertEqual(ECSParameterNames.names(forFunction: "ecs.modify_image_attribute.ImageId"), [], "not a table")
        XCTAssertTrue(ECSParameterNames.names(forFunction: "wait_image").contains("condition"))
        XCTAssertEqual(ECSParameterNames.names(forFunction: "nothing"), [])
    }
}
