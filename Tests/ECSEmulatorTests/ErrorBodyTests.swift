import Foundation
import Testing

@testable import ECSEmulator

/// Every error body has the ECS shape and every response a fresh upper-case request id.
@Suite struct ErrorBodyTests {
    @Test func errorBodyHasExactlyTheFiveFields() throws {
        let harness = EmulatorHarness()
        let response = harness.call("ModifyImageAttribute", ["RegionId": "cn-hangzhou", "ImageId": "m-bp1doesnotexist0000"])
        let body = try #require(response.jsonObject)
        #expect(Set(body.keys) == ["RequestId", "HostId", "Code", "Message", "Recommend"])
        let requestId = try #require(body["RequestId"] as? String)
        #expect(body["HostId"] as? String == "ecs.aliyuncs.com")
        #expect(body["Code"] as? String == "InvalidImageId.NotFound")
        #expect(body["Message"] as? String == "The specified ImageId does not exist.")
        #expect(body["Recommend"] as? String
            == "https://api.aliyun.com/troubleshoot?q=InvalidImageId.NotFound&product=Ecs&requestId=\(requestId)")
        #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
    }

    @Test func requestIdsAreFreshUpperCaseUUIDs() throws {
        let harness = EmulatorHarness()
        var seen: Set<String> = []
        for _ in 0..<5 {
            let id = try #require(harness.call("DescribeRegions").jsonObject?["RequestId"] as? String)
            #expect(UUID(uuidString: id) != nil)
            #expect(id == id.uppercased())
            seen.insert(id)
        }
        #expect(seen.count == 5)
    }
}
