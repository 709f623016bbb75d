import Foundation
import Testing

@testable import ECSEmulator

/// The official Python SDKs work unchanged against the emulator over HTTP. Runs only when
/// `ECSH_PYTHON` names a Python with `alibabacloud-ecs20140526` and `aliyun-python-sdk-ecs`
/// installed (e.g. `.build_py/bin/python`), since the test suite must not need the network.
@Suite struct PythonSDKTests {
    static let python = ProcessInfo.processInfo.environment["ECSH_PYTHON"]

    @Test(.enabled(if: python != nil, "set ECSH_PYTHON to a Python with the official SDKs"))
    func officialSDKsWorkUnchanged() async throws {
        let server = try EmulatorServer(options: EmulatorOptions())
        let url = try await server.start()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-sdk-\(UUID().uuidString).py")
        try Data(PythonSDKScript.source.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [script.path]
        var environment = ProcessInfo.processInfo.environment
        environment["ECSH_ENDPOINT"] = "127.0.0.1:\(url.port ?? 0)"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        await server.stop()
        let text = String(decoding: data, as: UTF8.self)
        print(text)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("FAIL"))
    }
}
