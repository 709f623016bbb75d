import Foundation
import XCTest

/// Marker values as the access key secret and security token, then every output ecsh produces —
/// `--debug`, `--dry-run` (v3 and v1, where the token travels in the query), uncaught and caught
/// errors (InvalidAccessKeyId.NotFound, SignatureDoesNotMatch), `ecs.config()` printed and
/// returned as text and JSON, the REPL's display of values over piped stdin, and every file left
/// in HOME — is scanned for the markers: there must be none.
final class SecretsLeakTests: XCTestCase {
    let secretMarker = "SECRETMARKER" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    let tokenMarker = "TOKENMARKER" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)

    func testMarkersNeverAppearInAnyOutput() throws {
        let server = try ReliabilityHarness.Server()
        let home = try ReliabilityHarness.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: home) }

        /// Three credential set-ups, with what the emulator makes of each.
        let setups: [(name: String, environment: [String: String], expectedCode: String?)] = [
            ("unknown key", [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "ecsh-test-unknown-key",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secretMarker,
                "ALIBABA_CLOUD_SECURITY_TOKEN": tokenMarker,
            ], "InvalidAccessKeyId.NotFound"),
            ("demo key, wrong secret", [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secretMarker,
                "ALIBABA_CLOUD_SECURITY_TOKEN": tokenMarker,
            ], "SignatureDoesNotMatch"),
            // The emulator accepts (and ignores) a security token next to a valid key: calls succeed.
            ("demo key, token marker", [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "demo-full-secret",
                "ALIBABA_CLOUD_SECURITY_TOKEN": tokenMarker,
            ], nil),
        ]
        let endpoint = ["--endpoint", server.url]
        let modify = #"return ecs.modify_image_attribute{ ImageId = "m-bp1leakcheck000001", Description = "secrets check" }"#
        let replSession = """
            ecs.config()
            ok, e = pcall(ecs.describe_regions, {})
            e
            { ok = ok, code = type(e) == "table" and e.code, message = type(e) == "table" and e.message, err = e }
            json.encode(ecs.config())
            ecs.config{ timeout = 5 }
            ecs.describe_images{ PageSize = 1 }
            ecs.call("DescribeRegions", {})
            ecs
            error(e)
            """
        var runs = 0
        for setup in setups {
            var environment = setup.environment
            environment["HOME"] = home.path
            let cases: [(label: String, arguments: [String], stdin: String?)] = [
                ("--debug v3", endpoint + ["--debug", "-e", "return ecs.describe_regions{}"], nil),
                ("--debug v1", endpoint + ["--debug", "--signature", "v1", "-e", "return ecs.describe_images{ PageSize = 2 }"], nil),
                ("--dry-run v3", endpoint + ["--dry-run", "--debug", "-e", modify], nil),
                ("--dry-run v1", endpoint + ["--dry-run", "--signature", "v1", "-e", modify], nil),
                ("uncaught error", endpoint + ["-e", "return ecs.describe_images{}"], nil),
                ("caught error as JSON", endpoint + ["--output", "json", "-e",
                    "local ok, e = pcall(ecs.call, 'DescribeRegions', {}); return e"], nil),
                ("ecs.config() printed", endpoint + ["-e", "print(ecs.config()); for k, v in pairs(ecs.config()) do print(k, v) end"], nil),
                ("ecs.config() text", endpoint + ["-e", "return ecs.config()"], nil),
                ("ecs.config() json", endpoint + ["--output", "json", "-e", "return ecs.config()"], nil),
                ("REPL via stdin", endpoint, replSession),
                ("script from stdin", endpoint + ["-"], "print(ecs.config())\nreturn ecs.describe_regions{}\n"),
            ]
            for run in cases {
                let result = try ReliabilityHarness.ecsh(run.arguments, environment: environment, stdin: run.stdin)
                runs += 1
                let output = result.stdout + result.stderr
                let where_ = "[\(setup.name)] \(run.label)"
                XCTAssertFalse(output.contains(secretMarker), "\(where_) leaked the secret:\n\(output)")
                XCTAssertFalse(output.contains(tokenMarker), "\(where_) leaked the security token:\n\(output)")
                XCTAssertFalse(output.contains("demo-full-secret"), "\(where_) leaked the demo secret:\n\(output)")
                // Each case must really exercise the path it claims to, or a clean scan proves nothing.
                if run.label.hasPrefix("--debug") { XCTAssertTrue(result.stderr.contains("[debug]"), "\(where_): no debug log\n\(output)") }
                if run.label.hasPrefix("--dry-run") {
                    XCTAssertEqual(result.status, 0, "\(where_)\n\(output)")
                    XCTAssertTrue(result.stdout.contains("ModifyImageAttribute"), "\(where_): no dry-run text\n\(output)")
                }
                if run.label.hasPrefix("ecs.config") { XCTAssertTrue(output.contains("access_key_id"), "\(where_)\n\(output)") }
                if let code = setup.expectedCode, ["uncaught error", "--debug v3", "caught error as JSON", "REPL via stdin"].contains(run.label) {
                    XCTAssertTrue(output.contains(code), "\(where_): expected \(code)\n\(output)")
                }
                if setup.expectedCode == nil, run.label == "--debug v3" {
                    XCTAssertEqual(result.status, 0, "\(where_): the emulator should accept a token next to a valid key\n\(output)")
                }
            }
        }
        // History, caches, anything ecsh may have written under HOME.
        let files = FileManager.default.enumerator(atPath: home.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            guard let data = FileManager.default.contents(atPath: home.appendingPathComponent(file).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains(secretMarker) || text.contains(tokenMarker), "\(file) under HOME holds a marker")
        }
        print("secrets: \(runs) runs over \(setups.count) credential set-ups, \(files.count) files under HOME scanned, no marker found")
        XCTAssertEqual(server.stop(), 0)
    }
}
