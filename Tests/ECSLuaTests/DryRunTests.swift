import ECSCore
import LuaBridge
import XCTest

@testable import ECSLua

final class DryRunTests: ECSLuaTestCase {
    func testDryRunPrintsTheRequestSendsNothingAndChangesNothing() throws {
        let id = try XCTUnwrap(try value(#"return find("web-prod-v1").ImageId"#).stringValue)
        let before = lua.transport.actions
        lua.clearOutput()
        let v = try value("""
            ecs.config{ dry_run = true }
            local r = ecs.modify_image_attribute{ ImageId = "\(id)", ImageName = "dry-run-name" }
            local d = ecs.delete_image{ ImageId = "\(id)" }
            local img = ecs.image("\(id)")
            return { rid = r.RequestId, dry = r.DryRun, drid = d.RequestId, name = img.ImageName, cfg = ecs.config().dry_run }
            """)
        XCTAssertEqual(v["rid"], "dry-run")
        XCTAssertEqual(v["dry"], true)
        XCTAssertEqual(v["drid"], "dry-run")
        XCTAssertEqual(v["name"], "web-prod-v1", "the emulator's state is unchanged")
        XCTAssertEqual(v["cfg"], true)
        XCTAssertEqual(Array(lua.transport.actions.dropFirst(before.count)), ["DescribeImages"], "only the read went out")
        XCTAssertTrue(lua.output.contains("POST \(lua.url.absoluteString)/?"), lua.output)
        XCTAssertTrue(lua.output.contains("ModifyImageAttribute"), lua.output)
        XCTAssertTrue(lua.output.contains("DeleteImage"), lua.output)
        XCTAssertFalse(lua.output.contains("demo-full-secret"))
    }

    func testDryRunValidatesFirst() throws {
        try lua.run("ecs.config{ dry_run = true }")
        lua.clearOutput()
        let v = try value(#"local ok, err = pcall(ecs.modify_image_attribute, { ImageId = "m-1", BootMode = "bios" }); return err.code"#)
        XCTAssertEqual(v, "InvalidBootMode.NotSupport")
        XCTAssertEqual(lua.output, "")
    }

    func testDryRunInsideParallelPrintsEveryRequest() throws {
        try lua.run("ecs.config{ dry_run = true }")
        lua.clearOutput()
        let v = try value("""
            local r = ecs.parallel({ "m-a1", "m-a2", "m-a3" }, function(id) return ecs.modify_image_attribute{ ImageId = id, Description = "dry description" } end)
            return r[1].value.RequestId .. r[2].value.RequestId .. r[3].value.RequestId
            """)
        XCTAssertEqual(v, "dry-rundry-rundry-run")
        XCTAssertEqual(lua.output.components(separatedBy: "POST ").count - 1, 3)
        XCTAssertEqual(lua.transport.actions.count, 0)
    }

    func testTheAPIsOwnDryRunParameterGoesToTheServer() throws {
        let v = try value(#"local id = find("web-prod-v1").ImageId; local ok, err = pcall(ecs.modify_image_attribute, { ImageId = id, ImageName = "x-valid", DryRun = true }); return err.code"#)
        XCTAssertEqual(v, "DryRunOperation")
    }
}
