import ECSCore
import ECSEmulator
import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

/// Runs an async operation to completion from a synchronous test (tests stay on their own thread,
/// so the blocking ECS calls never occupy the cooperative pool).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    Task {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
    }
    while true {
        if let result = box.wait(seconds: 0.05) { return try result.get() }
    }
}

/// A transport that counts the requests it sends (validation must send none).
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let inner = AsyncHTTPClientTransport(connectTimeout: 1, readTimeout: 10)
    private let lock = NSLock()
    private var sent: [String] = []
    private var inFlight = 0
    private var mostInFlight = 0

    func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData {
        record(request.header("x-acs-action") ?? request.url.absoluteString)
        defer { lock.withLock { inFlight -= 1 } }
        return try await inner.send(request, timeout: timeout)
    }

    func shutdown() async { await inner.shutdown() }

    private func record(_ action: String) {
        lock.lock()
        sent.append(action)
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        lock.unlock()
    }

    /// The most requests that were in flight at the same moment.
    var peakInFlight: Int { lock.withLock { mostInFlight } }

    /// The actions sent so far.
    var actions: [String] {
        lock.lock()
        defer { lock.unlock() }
        return sent
    }
}

/// An emulator on a loopback port, a Lua state with the `ecs` module pointed at it, and captured output.
final class LuaHarness {
    let server: EmulatorServer
    let url: URL
    let state: LuaState
    let context: ECSContext
    let transport = CountingTransport()
    private(set) var output = ""
    private(set) var errorOutput = ""

    init(
        options: EmulatorOptions = EmulatorOptions(rate: nil), isTerminal: Bool = false,
        configure: (inout ClientConfiguration) -> Void = { _ in }
    ) throws {
        server = try EmulatorServer(options: options)
        let server = self.server
        url = try blocking { try await server.start() }
        var configuration = ClientConfiguration(
            credentials: StaticCredentialsProvider(accessKeyId: "demo-full-access", accessKeySecret: "demo-full-secret"),
            region: "cn-hangzhou", endpoint: url.absoluteString, retry: RetryPolicy(maxAttempts: 1), rate: nil)
        configure(&configuration)
        state = try LuaState()
        var sinkOut: (String) -> Void = { _ in }
        var sinkErr: (String) -> Void = { _ in }
        context = ECSContext(
            configuration: configuration, transport: transport, output: { sinkOut($0) }, errorOutput: { sinkErr($0) },
            isTerminal: isTerminal)
        sinkOut = { [unowned self] in self.output += $0 }
        sinkErr = { [unowned self] in self.errorOutput += $0 }
        try ECSModule.register(in: state, context: context)
        // print goes to the captured output, as the shell routes it to its own output.
        state.setGlobal("print") { call in
            let text = (0..<call.top).map { call.describe(at: $0 + 1) }.joined(separator: "\t")
            sinkOut(text + "\n")
            return .none
        }
        try state.run(Self.prelude, name: "=prelude")
    }

    /// Helpers the tests' Lua code uses: `find(name)` returns the caller's image with that exact name.
    static let prelude = """
        function find(name)
          for img in ecs.images{ ImageName = name, ImageOwnerAlias = "self",
                                 Status = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated" } do
            if img.ImageName == name then return img end
          end
        end
        """

    /// Runs a chunk named `=test` and returns its values.
    @discardableResult
    func run(_ source: String) throws -> [LuaValue] {
        try state.run(source, name: "=test")
    }

    /// Clears the captured output.
    func clearOutput() {
        output = ""
        errorOutput = ""
    }

    /// Stops the emulator and closes the client.
    func close() {
        context.shutdown()
        let server = self.server
        _ = try? blocking { await server.stop() }
    }
}

/// A test case with a fresh harness per test.
class ECSLuaTestCase: XCTestCase {
    var lua: LuaHarness!

    /// Emulator options for this case (no throttling by default).
    var emulatorOptions: EmulatorOptions { EmulatorOptions(rate: nil) }

    override func setUpWithError() throws {
        lua = try LuaHarness(options: emulatorOptions)
    }

    override func tearDown() {
        lua?.close()
        lua = nil
        LuaInterrupt.clear()
    }

    /// The single value a chunk returns.
    func value(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> LuaValue {
        let values = try lua.run(source)
        XCTAssertEqual(values.count, 1, "expected one value from: \(source)", file: file, line: line)
        return values.first ?? .nil
    }

    /// The error a chunk raises.
    func luaError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> LuaError? {
        do {
            try lua.run(source)
            XCTFail("expected an error from: \(source)", file: file, line: line)
            return nil
        } catch let error as LuaError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }
}
