import LuaBridge
import XCTest

@testable import ECSLua

final class ParameterTableTests: ECSLuaTestCase {
    /// The code and message of the error a call raises, and how many requests went out meanwhile.
    private func failure(_ call: String, file: StaticString = #filePath, line: UInt = #line) throws -> (code: String?, message: String?, sent: Int) {
        let before = lua.transport.actions.count
        let v = try value("local ok, err = pcall(function() \(call) end); return { ok = ok, code = err and err.code, message = err and err.message }", file: file, line: line)
        XCTAssertEqual(v["ok"], false, "expected \(call) to fail", file: file, line: line)
        return (v["code"]?.stringValue, v["message"]?.stringValue, lua.transport.actions.count - before)
    }

    func testUnknownKeySuggestsTheValidNameCaseAndUnderscoreInsensitively() throws {
        let f = try failure(#"ecs.modify_image_attribute{ image_id = "m-1" }"#)
        XCTAssertEqual(f.code, "InvalidParameter")
        XCTAssertEqual(f.message, "unknown parameter 'image_id' for ModifyImageAttribute; did you mean 'ImageId'?")
        XCTAssertEqual(f.sent, 0)
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", ImagName = "x" }"#).message,
                       "unknown parameter 'ImagName' for ModifyImageAttribute; did you mean 'ImageName'?")
        XCTAssertEqual(try failure(#"ecs.describe_images{ pagesize = 5 }"#).message,
                       "unknown parameter 'pagesize' for DescribeImages; did you mean 'PageSize'?")
    }

    func testUnknownKeyWithoutACloseNameStillNamesTheClosestOne() throws {
        XCTAssertEqual(try failure(#"ecs.delete_image{ ImageId = "m-1", Colour = "red" }"#).message,
                       "unknown parameter 'Colour' for DeleteImage; the closest valid name is 'Force' (help(ecs.delete_image) lists them all)")
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", Name = "x" }"#).message,
                       "unknown parameter 'Name' for ModifyImageAttribute; the closest valid name is 'ImageName' (help(ecs.modify_image_attribute) lists them all)")
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", Features = { Imds = "v2" } }"#).message,
                       "unknown parameter 'Features.Imds' for ModifyImageAttribute; the closest valid name is 'Features.ImdsSupport' (help(ecs.modify_image_attribute) lists them all)")
    }

    func testWireStyleAndMisplacedNestedKeysShowTheNestedTable() throws {
        let flat = try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", ["Features.ImdsSupport"] = "v2" }"#)
        XCTAssertEqual(flat.message, "unknown parameter 'Features.ImdsSupport' for ModifyImageAttribute; nested parameters are tables: Features = { ImdsSupport = ... }")
        XCTAssertEqual(flat.sent, 0)
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", ImdsSupport = "v2" }"#).message,
                       "unknown parameter 'ImdsSupport' for ModifyImageAttribute; did you mean 'Features.ImdsSupport'? (Features = { ImdsSupport = ... })")
        XCTAssertEqual(try failure(#"ecs.describe_images{ ["Tag.1.Key"] = "env" }"#).message,
                       "unknown parameter 'Tag.1.Key' for DescribeImages; nested parameters are tables: Tag = { {Key = ..., Value = ...} }")
        XCTAssertEqual(try failure(#"ecs.modify_image_share_permission{ ImageId = "m-1", ["AddAccount.1"] = "1122334455667788" }"#).message,
                       #"unknown parameter 'AddAccount.1' for ModifyImageSharePermission; nested parameters are tables: AddAccount = { "..." }"#)
    }

    func testNestedFeaturesAreCheckedByName() throws {
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSuport = "v2" } }"#).message,
                       "unknown parameter 'Features.ImdsSuport' for ModifyImageAttribute; did you mean 'Features.ImdsSupport'?")
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", Features = "v2" }"#).message,
                       "parameter 'Features' of ModifyImageAttribute must be a table {ImdsSupport, NvmeSupport}, got string")
        let f = try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSupport = "v3" } }"#)
        XCTAssertEqual(f.code, "InvalidParameter.FeaturesImdsSupport")
        XCTAssertEqual(f.sent, 0)
    }

    func testWrongTypesNameTheParameterAndTheExpectedType() throws {
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", ImageName = 42 }"#).message,
                       "parameter 'ImageName' of ModifyImageAttribute must be a string, got number")
        XCTAssertEqual(try failure(#"ecs.delete_image{ ImageId = "m-1", Force = "yes" }"#).message,
                       "parameter 'Force' of DeleteImage must be a boolean, got string")
        XCTAssertEqual(try failure(#"ecs.describe_images{ PageSize = 1.5 }"#).message,
                       "parameter 'PageSize' of DescribeImages must be an integer, got 1.5")
        XCTAssertEqual(try failure(#"ecs.describe_images{ PageSize = "10" }"#).message,
                       "parameter 'PageSize' of DescribeImages must be an integer, got string")
        XCTAssertEqual(try failure(#"ecs.modify_image_share_permission{ ImageId = "m-1", AddAccount = { 1122334455667788 } }"#).message,
                       "parameter 'AddAccount[1]' of ModifyImageSharePermission must be a string, got number")
        XCTAssertEqual(try failure(#"ecs.modify_image_share_permission{ ImageId = "m-1", AddAccount = "1122334455667788" }"#).message,
                       "parameter 'AddAccount' of ModifyImageSharePermission must be an array of strings, got string")
        XCTAssertEqual(try failure(#"ecs.describe_images{ Tag = { Key = "env", Value = "prod" } }"#).message,
                       #"parameter 'Tag' of DescribeImages must be an array of table {Key, Value}, e.g. Tag = { {Key = ..., Value = ...} }"#)
        XCTAssertEqual(try failure("ecs.describe_images(5)").message, "parameters of DescribeImages must be a table, got number")
    }

    func testEmptyStringsAreValuesNeverDefaults() throws {
        let region = try failure(#"ecs.describe_images{ RegionId = "" }"#)
        XCTAssertEqual(region.code, "InvalidRegionId.MalFormed")
        XCTAssertEqual(region.sent, 0)
        let name = try failure(#"ecs.modify_image_attribute{ ImageId = "m-1", ImageName = "" }"#)
        XCTAssertEqual(name.code, "InvalidImageName.Malformed")
        XCTAssertEqual(name.sent, 0)
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageId = "" }"#).code, "InvalidImageId.Malformed")
        XCTAssertEqual(try failure(#"ecs.modify_image_attribute{ ImageName = "good-name" }"#).code, "MissingParameter")
        // A filter is never dropped for being empty: an empty one would match every image.
        let cases = [
            (#"ecs.describe_images{ ImageName = "" }"#, "InvalidImageName.Malformed"),
            (#"ecs.describe_images{ ImageId = "" }"#, "InvalidImageId.Malformed"),
            (#"ecs.describe_images{ ImageFamily = "" }"#, "InvalidImageFamily.Malformed"),
            (#"ecs.describe_images{ SnapshotId = "" }"#, "InvalidParameter"),
            (#"ecs.describe_images{ Tag = { { Key = "env", Value = "" } } }"#, "InvalidTagValue.Malformed"),
            (#"for _ in ecs.images{ ImageFamily = "" } do end"#, "InvalidImageFamily.Malformed"),
            (#"ecs.image("")"#, "InvalidImageId.Malformed"),
            (#"ecs.image_from_family{ ImageFamily = "" }"#, "InvalidImageFamily.Malformed"),
            (#"ecs.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSupport = "" } }"#, "InvalidParameter.FeaturesImdsSupport"),
            (#"ecs.modify_image_attribute{ ImageId = "m-1", BootMode = "" }"#, "InvalidBootMode.NotSupport"),
            (#"ecs.modify_image_attribute{ ImageId = "m-1", Description = "" }"#, "InvalidDescription.Malformed"),
            (#"ecs.modify_image_share_permission{ ImageId = "m-1", AddAccount = { "" } }"#, "InvalidParameter"),
        ]
        for (call, code) in cases {
            let f = try failure(call)
            XCTAssertEqual(f.code, code, call)
            XCTAssertEqual(f.sent, 0, call)
            XCTAssertTrue(f.message?.contains("must not be empty") == true, "\(call): \(f.message ?? "")")
        }
    }

    func testRegionDefaultsToTheConfiguredOne() throws {
        XCTAssertEqual(try value("return ecs.describe_images{ PageSize = 1 }.RegionId"), "cn-hangzhou")
        XCTAssertEqual(try value(#"ecs.config{ region = "cn-shanghai" }; return ecs.describe_images{ PageSize = 1 }.RegionId"#), "cn-shanghai")
        XCTAssertEqual(try value(#"return ecs.describe_images{ PageSize = 1, RegionId = "cn-beijing" }.RegionId"#), "cn-beijing")
    }

    func testArraysOfTablesAreFlattenedTheWiresWay() throws {
        // Tag = { {Key, Value}, ... } travels as Tag.1.Key / Tag.1.Value ...: the server filters by it.
        let v = try value(#"""
            local function names(filter)
              filter.ImageOwnerAlias = "self"
              filter.PageSize = 100
              local out = {}
              for _, img in ipairs(ecs.describe_images(filter).Images) do out[#out + 1] = img.ImageName end
              table.sort(out)
              return table.concat(out, " ")
            end
            return { all = ecs.describe_images{ ImageOwnerAlias = "self" }.TotalCount,
                     prod = names{ Tag = { { Key = "env", Value = "prod" } } },
                     data = names{ Tag = { { Key = "env", Value = "prod" }, { Key = "team", Value = "data" } } },
                     cjk = names{ Tag = { { Key = "团队", Value = "图像" } } } }
            """#)
        XCTAssertEqual(v["prod"], "database-host web-prod-v1 web-prod-v2 web-prod-v3 web-prod-v4 web-prod-v5")
        XCTAssertEqual(v["data"], "database-host")
        XCTAssertEqual(v["cjk"], "测试镜像-image_01")
        XCTAssertGreaterThan(v["all"]?.numericValue ?? 0, 6)
        XCTAssertEqual(lua.transport.actions.last, "DescribeImages")
    }

    func testSuggesterDistances() {
        XCTAssertEqual(NameSuggester.suggestion(for: "image_id", among: ["ImageId", "ImageName"]), "ImageId")
        XCTAssertEqual(NameSuggester.suggestion(for: "IMAGENAME", among: ["ImageId", "ImageName"]), "ImageName")
        XCTAssertEqual(NameSuggester.suggestion(for: "Descripton", among: ["Description", "DryRun"]), "Description")
        XCTAssertNil(NameSuggester.suggestion(for: "Colour", among: ["Description", "DryRun"]))
        XCTAssertEqual(NameSuggester.closest(to: "Colour", among: ["Description", "DryRun"]), "DryRun")
        XCTAssertEqual(NameSuggester.closest(to: "Name", among: ["ImageName", "ImageFamilyName", "DryRun"]), "ImageName")
        XCTAssertEqual(NameSuggester.closest(to: "image_id", among: ["ImageId", "ImageName"]), "ImageId")
        XCTAssertNil(NameSuggester.closest(to: "x", among: []))
        XCTAssertEqual(NameSuggester.distance(Array("kitten"), Array("sitting")), 3)
    }
}
