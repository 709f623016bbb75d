import Foundation
import XCTest

@testable import ECSCore

/// The name of the calling thread (NIO names its loop threads `NIO-ELT-...`).
private func currentThreadName() -> String {
    let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
    return name.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The transport's preferred executor: request tasks run on the HTTP client's event loop thread,
/// and still run (on the global executor) once the transport is shut down.
final class TransportExecutorTests: XCTestCase {
    func testTaskPreferringTheTransportRunsOnItsEventLoopBeforeAndAfterTheRequest() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, headers: [], body: "{}") }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 5)
        let executor = try XCTUnwrap(transport.preferredExecutor)
        let url = try XCTUnwrap(URL(string: server.url + "/"))
        let task = Task(executorPreference: executor) { () async throws -> [String] in
            let before = currentThreadName()
            let response = try await transport.send(HTTPRequestData(method: "POST", url: url), timeout: 5)
            return [before, currentThreadName(), "\(response.status)"]
        }
        let names = try await task.value
        await transport.shutdown()
        XCTAssertTrue(names[0].hasPrefix("NIO-ELT"), names[0])
        XCTAssertTrue(names[1].hasPrefix("NIO-ELT"), names[1])
        XCTAssertEqual(names[0], names[1], "one loop thread serves the task and its connection")
        XCTAssertEqual(names[2], "200")
    }

    func testTaskPreferringAShutDownTransportStillRuns() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, headers: [], body: "{}") }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(connectTimeout: 2, readTimeout: 5)
        _ = try await transport.send(HTTPRequestData(method: "POST", url: URL(string: server.url + "/")!), timeout: 5)
        await transport.shutdown()
        let executor = try XCTUnwrap(transport.preferredExecutor)
        let outcome = LockedBox<String?>(nil)
        Task(executorPreference: executor) {
            do {
                _ = try await transport.send(HTTPRequestData(method: "POST", url: URL(string: server.url + "/")!), timeout: 5)
                outcome.withValue { $0 = "sent after shutdown" }
            } catch {
                outcome.withValue { $0 = "\(error)" }
            }
        }
        // A job lost on the closed loop would leave the task hanging: wait a bounded while, not forever.
        for _ in 0..<200 where outcome.current == nil { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertEqual(outcome.current, "\(ECSClientError.transport("the HTTP client was shut down"))", "the task must run and fail cleanly")
    }

    func testInProcessTransportsHaveNoPreference() {
        struct Echo: HTTPTransport {
            func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData {
                HTTPResponseData(status: 200, headers: [], body: Data())
            }
        }
        XCTAssertNil(Echo().preferredExecutor)
        XCTAssertNil(ECSClient(configuration: ClientConfiguration(credentials: Markers.credentials, rate: nil), transport: Echo()).preferredExecutor)
    }
}
