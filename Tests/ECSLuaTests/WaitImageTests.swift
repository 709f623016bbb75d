import ECSEmulator
import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

final class WaitImageTests: ECSLuaTestCase {
    func testReturnsAtOnceWhenTheStatusHolds() throws {
        let v = try value(#"local id = find("web-prod-v1").ImageId; return ecs.wait_image{ ImageId = id, Status = "Deprecated,Available" }.ImageId == id"#)
        XCTAssertEqual(v, true)
    }

    func testPollsUntilTheConditionHolds() throws {
        let v = try value("""
            local id = find("web-prod-v2").ImageId
            local polls = 0
            local img = ecs.wait_image{ ImageId = id, interval = 0.01, condition = function(img)
              polls = polls + 1
              if polls == 2 then ecs.modify_image_attribute{ ImageId = id, ImageName = "renamed-while-waiting" } end
              return img.ImageName == "renamed-while-waiting"
            end }
            return { polls = polls, name = img.ImageName }
            """)
        XCTAssertEqual(v["polls"], 3)
        XCTAssertEqual(v["name"], "renamed-while-waiting")
    }

    func testTimeoutShowsTheLastObservedState() throws {
        let started = Date()
        let v = try value("""
            local id = find("app-server-creating").ImageId
            local ok, err = pcall(ecs.wait_image, { ImageId = id, Status = "Available", timeout = 0.3, interval = 0.05 })
            return { ok = ok, code = err.code, message = err.message, status = err.http_status, where = err.where }
            """)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "Client.WaitTimeout")
        XCTAssertNil(v["status"])
        XCTAssertEqual(v["where"], "test:2")
        let message = try XCTUnwrap(v["message"]?.stringValue)
        XCTAssertTrue(message.hasPrefix("timed out after 0.3 s waiting for m-"), message)
        XCTAssertTrue(message.contains("to reach Status Available; last observed: Status=Creating, Progress=45%"), message)
    }

    /// An id that never shows (a typo) waited out the whole timeout (600 s by default) and ended in a
    /// timeout; it now ends in InvalidImageId.NotFound: at the timeout, or after a minute at most.
    func testAnImageThatNeverShowsIsNotFound() throws {
        let v = try value("""
            local ok, err = pcall(ecs.wait_image, { ImageId = "m-bp1nosuchimage00001", Status = "Available", timeout = 0.3, interval = 0.05 })
            return { ok = ok, code = err.code, message = err.message, parameter = err.parameter }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "InvalidImageId.NotFound")
        XCTAssertEqual(v["parameter"], "ImageId")
        XCTAssertEqual(v["message"], "The specified ImageId does not exist: m-bp1nosuchimage00001 was not found in 0.3 s of polling")
        XCTAssertEqual(WaitImageScript.notFoundGrace, 60)
    }

    /// An image deleted while it was waited for can reach no status any more: the wait ends at once.
    func testAnImageDeletedWhileWaitingEndsTheWait() throws {
        let started = Date()
        let v = try value("""
            local id = find("web-prod-v2").ImageId
            local ok, err = pcall(ecs.wait_image, { ImageId = id, timeout = 30, interval = 0.05, condition = function(img)
              ecs.delete_image{ ImageId = id }
              return false
            end })
            return { ok = ok, code = err.code, message = err.message, gone = ecs.image(id) == nil }
            """)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "InvalidImageId.NotFound")
        XCTAssertTrue(v["message"]?.stringValue?.hasSuffix("was deleted while waiting") == true, "\(v)")
        XCTAssertEqual(v["gone"], true)
    }

    func testParameterErrors() throws {
        let v = try value("""
            local function code(t) local ok, err = pcall(ecs.wait_image, t); return err.message end
            return { unknown = code{ ImageId = "m-1", status = "Available" },
                     neither = code{ ImageId = "m-1" },
                     both = code{ ImageId = "m-1", Status = "Available", condition = print },
                     id = code{ Status = "Available" },
                     timeout = code{ ImageId = "m-1", Status = "Available", timeout = -1 },
                     status = code{ ImageId = "m-1", Status = "available", timeout = 600 },
                     listed = code{ ImageId = "m-1", Status = "Available,Gone", timeout = 600 } }
            """)
        XCTAssertEqual(v["unknown"], "unknown parameter 'status' for wait_image; did you mean 'Status'?")
        XCTAssertEqual(v["neither"], "wait_image needs exactly one of Status or condition")
        XCTAssertEqual(v["both"], "wait_image needs exactly one of Status or condition")
        XCTAssertEqual(v["id"], "parameter 'ImageId' of wait_image must be a string, got nil")
        XCTAssertEqual(v["timeout"], "parameter 'timeout' of wait_image must be a positive number of seconds, got -1")
        // A status no image can have is refused before the first poll, not after the whole timeout.
        let statuses = "(Creating, Waiting, Available, UnAvailable, CreateFailed, Deprecated)"
        XCTAssertEqual(v["status"]?.stringValue, "parameter 'Status' of wait_image must be image statuses separated by commas \(statuses), got 'available'; did you mean 'Available'?")
        XCTAssertEqual(v["listed"]?.stringValue, "parameter 'Status' of wait_image must be image statuses separated by commas \(statuses), got 'Gone'")
        XCTAssertEqual(lua.transport.actions, [], "nothing was polled")
    }

    func testCtrlCInterruptsTheWait() throws {
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { LuaInterrupt.request() }
        let started = Date()
        let error = luaError("""
            local id = find("app-server-creating").ImageId
            ecs.wait_image{ ImageId = id, Status = "Available", interval = 5 }
            """)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertTrue(error?.message.contains("interrupted!") ?? false, "\(String(describing: error))")
        XCTAssertEqual(lua.errorOutput, "", "a wait changes nothing: no 'may have been applied' warning")
        LuaInterrupt.clear()
    }
}

/// Ctrl-C during a slow request cancels it and raises "interrupted!" at once.
final class RequestInterruptTests: ECSLuaTestCase {
    override var emulatorOptions: EmulatorOptions { EmulatorOptions(latencyMs: 4000, rate: nil) }

    func testCtrlCCancelsARequestInFlight() throws {
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { LuaInterrupt.request() }
        let started = Date()
        let error = luaError("ecs.describe_regions{}")
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "did not wait for the 4 s answer")
        XCTAssertEqual(error?.message, "interrupted!")
        XCTAssertEqual(lua.errorOutput, "", "a read changes nothing: no warning")
        LuaInterrupt.clear()
    }

    /// An ecs.images iterator whose page was being fetched by a coroutine of an interrupted ecs.parallel
    /// is usable afterwards: the coroutine is closed, and the page is fetched again (it stayed "busy").
    func testAnIteratorIsUsableAfterItsFetcherWasInterrupted() throws {
        try lua.run("it = ecs.images{ ImageOwnerAlias = 'self', PageSize = 5 }")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { LuaInterrupt.request() }
        let error = luaError("ecs.parallel({ 1 }, function() return it().ImageId end)")
        XCTAssertEqual(error?.message.hasSuffix("interrupted!"), true, "\(String(describing: error))")
        LuaInterrupt.clear()
        lua.clearOutput()
        XCTAssertEqual(try value("return type(it().ImageId)"), "string")
        XCTAssertEqual(lua.transport.actions, ["DescribeImages", "DescribeImages"], "the page was asked for again")
    }

    /// A change interrupted on its way may have been applied: the user is told so, as ecs.parallel does.
    func testCtrlCDuringAChangeSaysItsOutcomeIsUnknown() throws {
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { LuaInterrupt.request() }
        let error = luaError(#"ecs.modify_image_attribute{ ImageId = "m-1", Description = "in flight" }"#)
        XCTAssertEqual(error?.message, "interrupted!")
        XCTAssertEqual(lua.errorOutput, "ecsh: ModifyImageAttribute (test:1) was in flight when interrupted: it may or may not have been applied\n")
        LuaInterrupt.clear()
    }
}
