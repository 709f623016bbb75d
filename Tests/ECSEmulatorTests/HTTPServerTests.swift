import ECSCore
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import ECSEmulator

/// The emulator over real HTTP on a loopback port chosen by the system.
@Suite(.serialized) struct HTTPServerTests {
    func send(_ signed: SignedRequest, to url: URL) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: try #require(URL(string: url.absoluteString + signed.pathAndQuery)))
        request.httpMethod = signed.method
        for header in signed.headers where header.name.lowercased() != "host" {
            request.setValue(header.value, forHTTPHeaderField: header.name)
        }
        if !signed.body.isEmpty { request.httpBody = Data(signed.body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, try #require(response as? HTTPURLResponse))
    }

    @Test func servesSignedRequestsOnAnEphemeralPort() async throws {
        let server = try EmulatorServer(options: EmulatorOptions())
        let url = try await server.start()
        #expect(url.host == "127.0.0.1")
        #expect((url.port ?? 0) > 0)
        let host = "127.0.0.1:\(url.port!)"
        for scheme in [SignatureScheme.v3, .v1] {
            let signed = EmulatorHarness.signed("DescribeImages", ["RegionId": "cn-hangzhou", "ImageName": "web prod"],
                                                scheme: scheme, date: Date(), host: host)
            let (data, response) = try await send(signed, to: url)
            #expect(response.statusCode == 200, "\(String(decoding: data, as: UTF8.self))")
            let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(body["RegionId"] as? String == "cn-hangzhou")
        }
        let bad = EmulatorHarness.signed("DescribeRegions", [:], secret: "wrong", date: Date(), host: host)
        let (data, response) = try await send(bad, to: url)
        #expect(response.statusCode == 400)
        #expect(String(decoding: data, as: UTF8.self).contains("SignatureDoesNotMatch"))
        await server.stop()
        await #expect(throws: (any Error).self) { _ = try await send(bad, to: url) }
    }

    /// Other methods and paths get an ECS error body (a bare 404 had no body for an SDK to report).
    @Test func otherMethodsAndPathsGetAnECSErrorBody() async throws {
        let server = try EmulatorServer(options: EmulatorOptions())
        let url = try await server.start()
        for (method, path) in [("PUT", "/"), ("DELETE", "/"), ("POST", "/foo/bar"), ("GET", "/x")] {
            var request = URLRequest(url: try #require(URL(string: url.absoluteString + path)))
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 404, "\(method) \(path)")
            let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(method) \(path)")
            #expect(body["Code"] as? String == "InvalidAction.NotFound")
            #expect((body["Message"] as? String)?.contains("not by \(method) \(path)") == true, "\(body)")
            #expect(body["RequestId"] is String)
        }
        await server.stop()
    }

    @Test func throttlingSendsRetryAfterOverHTTP() async throws {
        let server = try EmulatorServer(options: EmulatorOptions(rate: .init(tokens: 1, seconds: 60)))
        let url = try await server.start()
        let host = "127.0.0.1:\(url.port!)"
        _ = try await send(EmulatorHarness.signed("DescribeRegions", [:], date: Date(), host: host), to: url)
        let (_, response) = try await send(EmulatorHarness.signed("DescribeRegions", [:], date: Date(), host: host), to: url)
        #expect(response.statusCode == 400)
        #expect(Int(response.value(forHTTPHeaderField: "x-acs-retry-after") ?? "") ?? 0 > 0)
        await server.stop()
    }

    @Test func droppedConnectionFaultClosesTheSocket() async throws {
        let plan = FaultPlan(rate: 1, random: { 0.99 })
        let handler = EmulatorHandler(store: InMemoryImageStore(images: DemoData.images()), faults: plan)
        let server = EmulatorServer(handler: handler, options: EmulatorOptions())
        let url = try await server.start()
        let signed = EmulatorHarness.signed("DescribeRegions", [:], date: Date(), host: "127.0.0.1:\(url.port!)")
        await #expect(throws: (any Error).self) { _ = try await send(signed, to: url) }
        await server.stop()
    }
}

/// Serving until a signal: the server stops and the call returns when the signal arrives.
@Suite struct SignalTests {
    @Test func servesUntilTheSignalThenStops() async throws {
        let server = try EmulatorServer(options: EmulatorOptions())
        let url = try await server.start()
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let run = Task { try await server.run(until: [SIGUSR1], onReady: { readyContinuation.yield() }) }
        for await _ in ready { break }
        kill(getpid(), SIGUSR1)
        try await run.value
        let signed = EmulatorHarness.signed("DescribeRegions", [:], date: Date(), host: "127.0.0.1:\(url.port!)")
        var request = URLRequest(url: try #require(URL(string: url.absoluteString + signed.pathAndQuery)))
        request.httpMethod = "POST"
        await #expect(throws: (any Error).self) { _ = try await URLSession.shared.data(for: request) }
    }
}

/// Injected latency delays every HTTP answer.
@Suite struct LatencyTests {
    @Test func everyResponseWaitsTheConfiguredLatency() async throws {
        let server = try EmulatorServer(options: EmulatorOptions(latencyMs: 300))
        let url = try await server.start()
        let signed = EmulatorHarness.signed("DescribeRegions", [:], date: Date(), host: "127.0.0.1:\(url.port!)")
        var request = URLRequest(url: try #require(URL(string: url.absoluteString + signed.pathAndQuery)))
        request.httpMethod = signed.method
        for header in signed.headers where header.name != "host" { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let started = Date()
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(Date().timeIntervalSince(started) >= 0.3)
        await server.stop()
    }
}
