import Foundation
import XCTest

@testable import ECSCore

final class TransportTests: XCTestCase {
    /// A client of `server` whose retries wait the full jitter ceiling, recorded instead of slept.
    private func retryingClient(_ server: LoopbackHTTPServer, maxAttempts: Int = 4) -> (ECSClient, SleepRecorder) {
        let sleeps = SleepRecorder()
        let configuration = ClientConfiguration(
            credentials: Markers.credentials, endpoint: server.url,
            retry: RetryPolicy(maxAttempts: maxAttempts, random: { $0.upperBound }, sleeper: sleeps.sleeper), rate: nil)
        return (ECSClient(configuration: configuration), sleeps)
    }

    func testRealTransportRoundTripOnLoopback() async throws {
        let server = try LoopbackHTTPServer { _, _ in
            .respond(status: 200, headers: [("Content-Type", "application/json"), ("X-Echo", "yes")], body: #"{"RequestId":"L1"}"#)
        }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 5)
        let request = HTTPRequestData(
            method: "POST", url: URL(string: "\(server.url)/?Action=Test&A=b%20c")!,
            headers: [("x-acs-action", "Test")], body: Data("k=v".utf8))
        let response = try await transport.send(request, timeout: 5)
        await transport.shutdown()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("x-echo"), "yes")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"RequestId":"L1"}"#)
        let seen = try XCTUnwrap(server.received.current.first)
        XCTAssertEqual(seen.method, "POST")
        XCTAssertEqual(seen.target, "/?Action=Test&A=b%20c")
        XCTAssertEqual(seen.headers["x-acs-action"], "Test")
        XCTAssertEqual(seen.body, "k=v")
    }

    func testSlowServerGivesTimeout() async throws {
        let server = try LoopbackHTTPServer { _, _ in .delay(seconds: 1.5, then: 200, body: "{}") }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 0.3)
        do {
            _ = try await transport.send(HTTPRequestData(method: "POST", url: URL(string: server.url + "/")!), timeout: 5)
            XCTFail("expected a timeout")
        } catch {
            XCTAssertEqual(error as? ECSClientError, .timeout)
        }
        await transport.shutdown()
    }

    func testDroppedConnectionIsARetryableTransportError() async throws {
        let server = try LoopbackHTTPServer { _, _ in .drop }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 5)
        do {
            _ = try await transport.send(HTTPRequestData(method: "POST", url: URL(string: server.url + "/")!), timeout: 5)
            XCTFail("expected a transport error")
        } catch let error as ECSClientError {
            guard case .transport = error else { return XCTFail("\(error)") }
            XCTAssertTrue(error.retryable)
        }
        await transport.shutdown()
    }

    func testRefusedConnectionIsATransportError() async throws {
        let server = try LoopbackHTTPServer { _, _ in .drop }
        let closedPort = server.port
        server.stop()
        // A long connect timeout: the pool used to retry a refused connection until it ran out, and the
        // error then read "connect timeout". Now the refusal itself comes back, in the system's words.
        let transport = AsyncHTTPClientTransport(connectTimeout: 30, readTimeout: 2)
        do {
            _ = try await transport.send(
                HTTPRequestData(method: "POST", url: URL(string: "http://127.0.0.1:\(closedPort)/")!), timeout: 60)
            XCTFail("expected a transport error")
        } catch let error as ECSClientError {
            XCTAssertTrue(error.retryable, "\(error)")
            XCTAssertEqual(error.description, "Client.Transport: transport failure: cannot connect: Connection refused")
            XCTAssertTrue(error.isConnectFailure, "nothing reached the server")
        }
        await transport.shutdown()
    }

    func testClientRetries503ThenSucceedsOverRealHTTP() async throws {
        let server = try LoopbackHTTPServer { index, _ in
            index == 0
                ? .respond(
                    status: 503, headers: [],
                    body: #"{"RequestId":"E1","HostId":"127.0.0.1","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}"#)
                : .respond(status: 200, headers: [], body: #"{"RequestId":"OK-2","Images":{"Image":[{"ImageId":"m-1","Size":"40"}]},"TotalCount":1}"#)
        }
        defer { server.stop() }
        let (client, sleeps) = retryingClient(server)
        let page = try await client.describeImages(.init(imageId: "m-1"))
        await client.shutdown()
        XCTAssertEqual(page.requestId, "OK-2")
        XCTAssertEqual(page.images.first?.size, 40)
        XCTAssertEqual(server.received.current.count, 2)
        XCTAssertEqual(sleeps.durations.current, [0.2])
        let first = server.received.current[0]
        XCTAssertEqual(first.headers["host"], "127.0.0.1:\(server.port)")
        XCTAssertEqual(first.headers["x-acs-action"], "DescribeImages")
        XCTAssertNotEqual(first.headers["x-acs-signature-nonce"], server.received.current[1].headers["x-acs-signature-nonce"])
        XCTAssertTrue(first.target.contains("RegionId=cn-hangzhou"), first.target)
    }

    /// Scripted failures over real HTTP: 503, 500 with an XML body, a dropped connection, a throttle with
    /// `x-acs-retry-after`, then success. Five attempts need `maxAttempts = 5`; each waits as the policy says.
    func testScriptedFailuresAreRetriedWithGrowingBackoffOverRealHTTP() async throws {
        let server = try LoopbackHTTPServer { index, _ in
            switch index {
            case 0: return .respond(status: 503, headers: [], body: #"{"Code":"ServiceUnavailable","Message":"busy"}"#)
            case 1: return .respond(status: 500, headers: [("Content-Type", "text/xml")], body: "<Error><Code>InternalError</Code></Error>")
            case 2: return .drop
            case 3:
                return .respond(
                    status: 400, headers: [("x-acs-retry-after", "1500")],
                    body: #"{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#)
            default: return .respond(status: 200, headers: [], body: #"{"RequestId":"OK-5"}"#)
            }
        }
        defer { server.stop() }
        let (client, sleeps) = retryingClient(server, maxAttempts: 5)
        let response = try await client.modifyImageAttribute(.init(imageId: "m-1", description: "retried"))
        await client.shutdown()
        XCTAssertEqual(response.requestId, "OK-5")
        XCTAssertEqual(server.received.current.count, 5)
        // Full jitter at its ceiling: 0.2, 0.4, 0.8; then the server's 1.5 s plus the fourth ceiling, 1.6 s.
        let waits = sleeps.durations.current
        XCTAssertEqual(waits.count, 4)
        for (wait, expected) in zip(waits, [0.2, 0.4, 0.8, 3.1]) { XCTAssertEqual(wait, expected, accuracy: 1e-9) }
        let nonces = Set(server.received.current.compactMap { $0.headers["x-acs-signature-nonce"] })
        XCTAssertEqual(nonces.count, 5, "every attempt is signed again with a fresh nonce")
    }

    /// A client error that is not throttling is answered once: 400, 403 and 404 are never retried.
    func testClientErrorsAreNotRetriedOverRealHTTP() async throws {
        for (status, code) in [(400, "InvalidImageName.Malformed"), (403, "Forbidden.RAM"), (404, "InvalidImageId.NotFound")] {
            let server = try LoopbackHTTPServer { _, _ in
                .respond(status: status, headers: [], body: #"{"Code":"\#(code)","Message":"no"}"#)
            }
            defer { server.stop() }
            let (client, sleeps) = retryingClient(server)
            do {
                _ = try await client.deleteImage(.init(imageId: "m-1"))
                XCTFail("expected \(code)")
            } catch let error as ECSServiceError {
                XCTAssertEqual(error.code, code)
                XCTAssertEqual(error.httpStatus, status)
            }
            await client.shutdown()
            XCTAssertEqual(server.received.current.count, 1, code)
            XCTAssertEqual(sleeps.durations.current, [], code)
        }
    }

    /// A library caller's out-of-range timeout is cut to the range instead of trapping in Int64(...).
    func testTimeoutsAreKeptWithinTheirRange() async {
        XCTAssertEqual(AsyncHTTPClientTransport.milliseconds(1e300), 86_400_000)
        XCTAssertEqual(AsyncHTTPClientTransport.milliseconds(.infinity), 86_400_000)
        XCTAssertEqual(AsyncHTTPClientTransport.milliseconds(.nan), 1)
        XCTAssertEqual(AsyncHTTPClientTransport.milliseconds(-5), 1)
        XCTAssertEqual(AsyncHTTPClientTransport.milliseconds(2.5), 2_500)
        await AsyncHTTPClientTransport(connectTimeout: 1e300, readTimeout: 1e300).shutdown()
    }

    func testServiceErrorOverRealHTTPIsParsed() async throws {
        let server = try LoopbackHTTPServer { _, _ in
            .respond(
                status: 404, headers: [("Content-Type", "application/json")],
                body: #"{"RequestId":"NF-1","HostId":"127.0.0.1","Code":"InvalidImageId.NotFound","Message":"The specified ImageId does not exist.","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidImageId.NotFound"}"#)
        }
        defer { server.stop() }
        let configuration = ClientConfiguration(credentials: Markers.credentials, endpoint: server.url, rate: nil)
        let client = ECSClient(configuration: configuration)
        do {
            _ = try await client.deleteImage(.init(imageId: "m-missing"))
            XCTFail("expected an error")
        } catch let error as ECSServiceError {
            XCTAssertEqual(error.description, "InvalidImageId.NotFound (HTTP 404): The specified ImageId does not exist. [RequestId: NF-1]")
            XCTAssertEqual(error.action, "DeleteImage")
        }
        await client.shutdown()
        XCTAssertEqual(server.received.current.count, 1)
    }

    func testTransportDroppedWithoutShutdownDoesNotTrap() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, headers: [], body: "{}") }
        defer { server.stop() }
        do {
            let client = ECSClient(
                configuration: ClientConfiguration(credentials: Markers.credentials, endpoint: server.url, rate: nil))
            _ = try await client.call(action: "DescribeRegions", parameters: [:])
        }
        // The released client's HTTPClient is shut down by its transport; give that task time to run.
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(server.received.current.count, 1)
    }

    /// A corrupt gzip body was "transport failure: inflationError(-3)", retryable, and sent again: it is a
    /// decoding failure, not retried (the same bytes would come back).
    func testACorruptCompressedBodyIsADecodingFailure() async throws {
        let error = try await failureOfOneSend(
            status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "application/json")], body: "this is not gzip")
        guard case .decoding(let detail) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(detail.hasPrefix("the answer's compressed body is corrupt"), detail)
        XCTAssertFalse(error.retryable)
    }

    /// A 5xx whose compressed body is corrupt is still a 5xx: retryable (it became a decoding failure, which
    /// the Lua layer then took for a change the server had accepted).
    func testAFiveHundredWithACorruptBodyStaysRetryable() async throws {
        let error = try await failureOfOneSend(status: 503, headers: [("Content-Encoding", "gzip")], body: "this is not gzip")
        guard case .transport(let detail) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(detail.hasPrefix("HTTP 503 with an unreadable body: "), detail)
        XCTAssertTrue(error.retryable)
        XCTAssertFalse(error.isConnectFailure)
    }

    /// The error of one request through the real transport to a loopback server giving this answer.
    private func failureOfOneSend(status: Int, headers: [(String, String)], body: String) async throws -> ECSClientError {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: status, headers: headers, body: body) }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 5)
        defer { Task { await transport.shutdown() } }
        let response: HTTPResponseData
        do {
            response = try await transport.send(HTTPRequestData(method: "POST", url: URL(string: "\(server.url)/")!), timeout: 5)
        } catch let error as ECSClientError {
            return error
        }
        struct UnexpectedSuccess: Error { let status: Int }
        throw UnexpectedSuccess(status: response.status)
    }

    func testErrorMappingOfAsyncHTTPClientErrors() {
        XCTAssertEqual(AsyncHTTPClientTransport.map(CancellationError()), .cancelled)
        XCTAssertEqual(AsyncHTTPClientTransport.map(ECSClientError.timeout), .timeout)
        guard case .transport = AsyncHTTPClientTransport.map(CocoaError(.fileNoSuchFile)) else {
            return XCTFail("unknown errors are transport failures")
        }
    }
}
