import Foundation
import TestSupport
import XCTest

/// `ecsh serve`: a second ecsh talks to it over HTTP; SIGTERM stops it; `--data` keeps state.
final class ServeTests: XCTestCase {
    private static let credentials = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "demo-full-secret",
    ]
    private static let imageId = "m-bp1in5n4xdcucy7hd2tk"

    private struct ServerDidNotStart: Error {}

    /// Starts `ecsh serve --port 0 extra` and returns it with the URL it printed.
    private func startServer(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> (EcshProcess, String) {
        let server = try EcshProcess(["serve", "--port", "0"] + extra)
        guard server.waitForStdout(containing: "\n", timeout: 15) else {
            server.send(signal: SIGKILL)
            XCTFail("the server printed nothing: \(server.wait(timeout: 5))", file: file, line: line)
            throw ServerDidNotStart()
        }
        let first = server.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let pattern = try NSRegularExpression(pattern: #"^listening on (http://127\.0\.0\.1:([0-9]+))$"#)
        guard let match = pattern.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)),
              let urlRange = Range(match.range(at: 1), in: first), let portRange = Range(match.range(at: 2), in: first),
              let port = Int(first[portRange]), port > 0 else {
            server.send(signal: SIGKILL)
            XCTFail("unexpected first line: \(first)", file: file, line: line)
            throw ServerDidNotStart()
        }
        return (server, String(first[urlRange]))
    }

    private func stop(_ server: EcshProcess, file: StaticString = #filePath, line: UInt = #line) {
        server.send(signal: SIGTERM)
        let result = server.wait(timeout: 10)
        XCTAssertFalse(result.timedOut, "SIGTERM did not stop the server", file: file, line: line)
        XCTAssertEqual(result.exitCode, 0, "\(result)", file: file, line: line)
    }

    private func client(_ url: String, _ chunks: String...) throws -> EcshResult {
        try EcshProcess.run(["--endpoint", url] + chunks.flatMap { ["-e", $0] }, environment: Self.credentials, timeout: 15)
    }

    func testSecondEcshDescribesImagesAndSIGTERMStopsTheServer() throws {
        let (server, url) = try startServer()
        let result = try client(url, "local r = ecs.describe_images{ImageOwnerAlias = 'self', PageSize = 2} return r.TotalCount > 2, #r.Images, r.Images[1].ImageId:sub(1, 2)")
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "true\t2\tm-\n")
        XCTAssertFalse(result.combined.contains("demo-full-secret"))
        stop(server)
    }

    func testWrongSecretIsRejectedByTheServer() throws {
        let (server, url) = try startServer()
        let result = try EcshProcess.run(
            ["--endpoint", url, "-e", "return ecs.describe_images{}.TotalCount"],
            environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "not-the-secret"],
            timeout: 15)
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.hasPrefix("ecsh: "), "\(result)")
        XCTAssertFalse(result.combined.contains("not-the-secret"), "the secret leaked: \(result)")
        stop(server)
    }

    /// A real STS token is base64 (`/`, `+`, `=`); the emulator's v1 SignatureDoesNotMatch message echoes
    /// its string to sign, where the query is percent-encoded twice. No spelling of it may reach the user.
    /// (V3 echoes a hash of the canonical request, never the token: only v1 can leak it this way.)
    func testTokenInAnEchoedStringToSignIsRedacted() throws {
        let (server, url) = try startServer()
        let token = "CAIS9AJ1q6Ft5B2yfSjIr5b/H+9Tz=="
        for signature in ["v1"] {
            let result = try EcshProcess.run(
                ["--endpoint", url, "--signature", signature, "-e",
                 "local ok, err = pcall(ecs.describe_regions, {}); print(err.code, err.message, json.encode(err)); error(err)"],
                environment: [
                    "ALIBABA_CLOUD_ACCESS_KEY_ID": "demo-full-access", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "not-the-secret",
                    "ALIBABA_CLOUD_SECURITY_TOKEN": token,
                ],
                timeout: 15)
            XCTAssertEqual(result.exitCode, 1, "\(result)")
            XCTAssertTrue(result.stdout.hasPrefix("SignatureDoesNotMatch\t"), "\(result)")
            // Every spelling of the token (raw, %2F, %252F, ...) starts with these alphanumerics.
            XCTAssertFalse(result.combined.contains("CAIS9AJ1q6Ft5B2yfSjIr5b"), "\(signature): the token leaked: \(result)")
            XCTAssertTrue(result.combined.contains("SecurityToken%3D<redacted>"), "the v1 echo holds the token: \(result)")
        }
        stop(server)
    }

    func testDataFileKeepsAChangeAcrossARestart() throws {
        let dir = try TemporaryDirectory(prefix: "ecsh-e2e-serve")
        defer { dir.remove() }
        let data = dir.path("state.sqlite")
        let name = "kept-across-restart"

        let (first, url1) = try startServer(["--data", data])
        let change = try client(url1, "ecs.modify_image_attribute{ImageId = '\(Self.imageId)', ImageName = '\(name)'}",
                                "return ecs.image('\(Self.imageId)').ImageName")
        XCTAssertEqual(change.exitCode, 0, "\(change)")
        XCTAssertEqual(change.stdout, "\(name)\n")
        stop(first)

        let (second, url2) = try startServer(["--data", data])
        let read = try client(url2, "return ecs.image('\(Self.imageId)').ImageName")
        XCTAssertEqual(read.exitCode, 0, "\(read)")
        XCTAssertEqual(read.stdout, "\(name)\n")
        stop(second)
    }

    func testWithoutDataFileARestartStartsFresh() throws {
        let (first, url1) = try startServer()
        let change = try client(url1, "ecs.modify_image_attribute{ImageId = '\(Self.imageId)', ImageName = 'forgotten-name'}")
        XCTAssertEqual(change.exitCode, 0, "\(change)")
        stop(first)
        let (second, url2) = try startServer()
        let read = try client(url2, "return ecs.image('\(Self.imageId)').ImageName")
        XCTAssertEqual(read.exitCode, 0, "\(read)")
        XCTAssertNotEqual(read.stdout, "forgotten-name\n")
        stop(second)
    }
}
