import ECSCore
import ECSEmulator
import LuaBridge
import XCTest

@testable import ECSLua

final class ErrorObjectTests: ECSLuaTestCase {
    func testServerErrorObjectHasEveryFieldAndReadsLikeTheContract() throws {
        let v = try value("""
            local a, b = find("web-prod-v1"), find("web-prod-v2")
            local ok, err = pcall(ecs.modify_image_attribute, { ImageId = a.ImageId, ImageName = b.ImageName })
            return { ok = ok, code = err.code, message = err.message, status = err.http_status, rid = err.request_id,
                     host = err.host_id, rec = err.recommend, action = err.action, retryable = err.retryable,
                     text = tostring(err), where = err.where, meta = getmetatable(err).__name }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "InvalidImageName.Duplicated")
        XCTAssertEqual(v["message"], "The specified Image name has already bean used.")
        XCTAssertEqual(v["status"], 400)
        XCTAssertEqual(v["action"], "ModifyImageAttribute")
        XCTAssertEqual(v["retryable"], false)
        XCTAssertEqual(v["meta"], "ecs.error")
        XCTAssertEqual(v["where"], "test:2")
        let rid = try XCTUnwrap(v["rid"]?.stringValue)
        XCTAssertFalse(rid.isEmpty)
        XCTAssertNotNil(v["host"]?.stringValue)
        XCTAssertTrue(v["rec"]?.stringValue?.contains(rid) ?? false)
        XCTAssertEqual(
            v["text"]?.stringValue,
            "InvalidImageName.Duplicated (HTTP 400): The specified Image name has already bean used. [RequestId: \(rid)]")
    }

    func testValidationErrorHasNoHTTPStatusAndSendsNothing() throws {
        let before = lua.transport.actions.count
        let v = try value("""
            local ok, err = pcall(ecs.modify_image_attribute, { ImageId = "m-anything", ImageName = "1bad" })
            return { ok = ok, code = err.code, status = err.http_status, param = err.parameter, text = tostring(err),
                     retryable = err.retryable }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "InvalidImageName.Malformed")
        XCTAssertNil(v["status"])
        XCTAssertEqual(v["param"], "ImageName")
        XCTAssertEqual(v["retryable"], false)
        XCTAssertTrue(v["text"]?.stringValue?.hasPrefix("InvalidImageName.Malformed: ImageName \"1bad\"") ?? false, "\(v)")
        XCTAssertEqual(lua.transport.actions.count, before)
    }

    func testUncaughtErrorCarriesTheObjectAndTheLineOfTheCall() throws {
        let error = try XCTUnwrap(luaError("""
            local x = 1
            ecs.modify_image_attribute{ ImageId = "m-doesnotexist0001", Description = "a new description" }
            """))
        XCTAssertTrue(error.message.hasPrefix("InvalidImageId.NotFound (HTTP 404): The specified ImageId does not exist."), error.message)
        XCTAssertEqual(error.value["code"], "InvalidImageId.NotFound")
        XCTAssertEqual(error.value["where"], "test:2")
        XCTAssertEqual(error.value["http_status"], 404)
    }

    func testTransportFailureIsRetryableClientError() throws {
        try lua.run(#"ecs.config{ endpoint = "http://127.0.0.1:1" }"#)
        let v = try value("""
            local ok, err = pcall(ecs.describe_regions)
            return { code = err.code, retryable = err.retryable, status = err.http_status, action = err.action }
            """)
        XCTAssertEqual(v["code"], "Client.Transport")
        XCTAssertEqual(v["retryable"], true)
        XCTAssertNil(v["status"])
        XCTAssertEqual(v["action"], "DescribeRegions")
    }

    func testRequestTimeoutIsARetryableClientErrorWithTheCallsLine() throws {
        lua.close()
        lua = try LuaHarness(options: EmulatorOptions(latencyMs: 3000, rate: nil))
        let v = try value("""
            ecs.config{ timeout = 0.3, retries = 0 }
            local ok, err = pcall(ecs.describe_regions)
            return { ok = ok, code = err.code, retryable = err.retryable, status = err.http_status, action = err.action,
                     where = err.where, text = tostring(err) }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "Client.Timeout")
        XCTAssertEqual(v["retryable"], true)
        XCTAssertNil(v["status"])
        XCTAssertEqual(v["action"], "DescribeRegions")
        XCTAssertEqual(v["where"], "test:2")
        XCTAssertTrue(v["text"]?.stringValue?.hasPrefix("Client.Timeout: ") ?? false, "\(String(describing: v["text"]))")
        XCTAssertEqual(lua.transport.actions, ["DescribeRegions"], "retries = 0: one attempt")
    }

    func testSwiftErrorObjectRendering() {
        let e = ECSLuaError(code: "Throttling.User", message: "Request was denied due to user flow control.", httpStatus: 400, requestId: "R-1")
        XCTAssertEqual(e.description, "Throttling.User (HTTP 400): Request was denied due to user flow control. [RequestId: R-1]")
        let service = ECSServiceError(code: "ServiceUnavailable", message: "down", httpStatus: 503, requestId: "R-2")
        let mapped = ECSLuaError(service, action: "DescribeImages", location: "x.lua:3")
        XCTAssertTrue(mapped.retryable)
        XCTAssertEqual(mapped.httpStatus, 503)
        XCTAssertEqual(mapped.action, "DescribeImages")
        XCTAssertEqual(mapped.location, "x.lua:3")
    }
}
