import Foundation
import XCTest

/// The official Python SDK (`alibabacloud-ecs20140526`), unchanged, against `ecsh serve`:
/// paging, filters, a modification and its read-back, a validation error parsed into a
/// `TeaException` with its code and status, DescribeRegions, the read-only key refused with
/// `Forbidden.RAM` — once with the default ACS3-HMAC-SHA256 signature and once with
/// `signature_algorithm='v2'` (RPC v1, HMAC-SHA1).
final class SDKCompatibilityTests: XCTestCase {
    /// The venv the SDK is installed into, under the build folder.
    static let venv = ReliabilityHarness.repositoryRoot.appendingPathComponent(".build/py-sdk")

    func testOfficialPythonSDKWorksUnchanged() throws {
        let python = try Self.pythonWithSDK()
        let server = try ReliabilityHarness.Server()
        let script = ReliabilityHarness.fixture("sdk_compat.py")
        let run = try ReliabilityHarness.Child(python, [script, "127.0.0.1:\(server.port)"], environment: try ReliabilityHarness.environment())
        let status = run.wait(timeout: 300)
        if status == nil { run.kill(SIGKILL) }
        let output = run.stdout + run.stderr
        print(output)
        XCTAssertEqual(status, 0, "the official SDK failed against the emulator:\n\(output)")
        XCTAssertFalse(output.contains("FAIL"), output)
        for check in ["v3 describe_images paging", "v1 describe_images paging", "v3 InvalidImageName.Malformed",
                      "v1 InvalidImageName.Malformed", "v3 describe_regions", "v1 describe_regions",
                      "v3 read-only modify Forbidden.RAM", "v1 read-only modify Forbidden.RAM", "v1 modify read back"] {
            XCTAssertTrue(output.contains("PASS \(check)\n"), "missing check '\(check)':\n\(output)")
        }
        XCTAssertEqual(server.stop(), 0, server.child.stderr)
    }

    /// The venv's Python with the SDK, creating the venv and installing the SDK with pip if needed;
    /// skips (with pip's own words) when there is no python3 or PyPI cannot be reached.
    static func pythonWithSDK() throws -> URL {
        let python = venv.appendingPathComponent("bin/python")
        if try probe(python) { return python }
        guard let python3 = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
            ?? which("python3") else {
            throw XCTSkip("no python3 on this machine: the official Python SDK cannot be installed")
        }
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            let made = try runTool(URL(fileURLWithPath: python3), ["-m", "venv", venv.path], timeout: 300)
            guard made.status == 0 else { throw XCTSkip("python3 -m venv failed: \(made.output)") }
        }
        let pip = try runTool(python, ["-m", "pip", "install", "--quiet", "alibabacloud-ecs20140526"], timeout: 600)
        guard pip.status == 0 else {
            throw XCTSkip("pip could not install alibabacloud-ecs20140526 (is PyPI reachable?): \(pip.output.suffix(600))")
        }
        guard try probe(python) else { throw XCTSkip("alibabacloud-ecs20140526 installed but does not import") }
        return python
    }

    private static func probe(_ python: URL) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        let check = try runTool(python, ["-c", "import alibabacloud_ecs20140526.client, alibabacloud_tea_openapi.models"], timeout: 120)
        return check.status == 0
    }

    private static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private static func runTool(_ executable: URL, _ arguments: [String], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let child = try ReliabilityHarness.Child(executable, arguments, environment: ProcessInfo.processInfo.environment)
        guard let status = child.wait(timeout: timeout) else {
            child.kill(SIGKILL)
            return (-1, "timed out after \(timeout) s: \(child.stdout)\(child.stderr)")
        }
        return (status, child.stdout + child.stderr)
    }
}
