import Foundation
import XCTest

@testable import ECSCore

final class EndpointResolverTests: XCTestCase {
    func testHosts() {
        XCTAssertEqual(EndpointResolver.host(region: "cn-hangzhou", vpc: false), "ecs-cn-hangzhou.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "cn-beijing", vpc: false), "ecs.cn-beijing.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "ap-southeast-1", vpc: false), "ecs.ap-southeast-1.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "cn-wuhan", vpc: false), "ecs.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "cn-shanghai-finance-1", vpc: false), "ecs-cn-hangzhou.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "cn-hangzhou", vpc: true), "ecs-vpc.cn-hangzhou.aliyuncs.com")
        XCTAssertEqual(EndpointResolver.host(region: "eu-central-1", vpc: true), "ecs-vpc.eu-central-1.aliyuncs.com")
    }

    func testRegionURLs() throws {
        XCTAssertEqual(
            try EndpointResolver.url(region: "cn-hangzhou", override: nil, vpc: false, insecure: false).absoluteString,
            "https://ecs-cn-hangzhou.aliyuncs.com")
        XCTAssertEqual(
            try EndpointResolver.url(region: "us-west-1", override: "", vpc: true, insecure: false).absoluteString,
            "https://ecs-vpc.us-west-1.aliyuncs.com")
        for bad in ["", "cn hangzhou", "evil.com/x", "CN-HANGZHOU", "a@b"] {
            XCTAssertThrowsError(try EndpointResolver.url(region: bad, override: nil, vpc: false, insecure: false)) { error in
                XCTAssertEqual(error as? EndpointError, .invalidRegion(bad))
            }
        }
    }

    func testOverrides() throws {
        func url(_ override: String, insecure: Bool = false) throws -> String {
            try EndpointResolver.url(region: "cn-hangzhou", override: override, vpc: false, insecure: insecure).absoluteString
        }
        XCTAssertEqual(try url("ecs.example.com"), "https://ecs.example.com")
        XCTAssertEqual(try url("https://ecs.example.com:8443"), "https://ecs.example.com:8443")
        XCTAssertEqual(try url("http://127.0.0.1:8080"), "http://127.0.0.1:8080")
        XCTAssertEqual(try url("http://127.5.6.7:1"), "http://127.5.6.7:1")
        XCTAssertEqual(try url("http://localhost:9000"), "http://localhost:9000")
        XCTAssertEqual(try url("http://[::1]:9000"), "http://[::1]:9000")
        XCTAssertEqual(try url("http://ecs.example.com", insecure: true), "http://ecs.example.com")
        XCTAssertEqual(try url("127.0.0.1:8080"), "https://127.0.0.1:8080")

        for insecure in ["http://ecs.example.com", "http://10.0.0.1:80", "http://128.0.0.1", "http://127.0.0.1.evil.com",
                         "http://localhost.evil.com", "http://[::2]:80"] {
            XCTAssertThrowsError(try url(insecure)) { error in
                XCTAssertEqual(error as? EndpointError, .insecure(url: insecure))
            }
        }
        XCTAssertEqual(try url("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/")
        // Requests go to "/": a path, query or fragment was dropped without a word.
        for invalid in ["ftp://x", "https://", "http://user:pw@127.0.0.1", "http://127.0.0.1:8080/prefix", "https://e.example/a/",
                        "https://e.example?x=1", "https://e.example/#f"] {
            XCTAssertThrowsError(try url(invalid)) { error in
                guard case .invalidURL = error as? EndpointError else { return XCTFail("\(invalid): \(error)") }
            }
        }
    }

    func testLoopbackDetection() {
        for host in ["127.0.0.1", "127.255.255.254", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                     "::ffff:127.0.0.1", "localhost."] {
            XCTAssertTrue(EndpointResolver.isLoopback(host: host), host)
        }
        for host in ["", "128.0.0.1", "127.0.0", "127.0.0.1.1", "127.0.0.256", "10.0.0.1", "::2", "example.com", "127.0.0.x"] {
            XCTAssertFalse(EndpointResolver.isLoopback(host: host), host)
        }
    }

    func testErrorMessages() {
        XCTAssertTrue(EndpointError.insecure(url: "http://x").description.contains("--insecure"))
        XCTAssertTrue(EndpointError.invalidRegion("bad id").description.contains("bad id"))
    }
}
