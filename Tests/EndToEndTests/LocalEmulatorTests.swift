import Foundation
import TestSupport
import XCTest

/// `--local` (the embedded emulator) and `--dry-run`.
final class LocalEmulatorTests: XCTestCase {
    func testQuickstartRunsAndRenamesAnImage() throws {
        let result = try EcshProcess.run(
            ["--local", "examples/quickstart.lua"], timeout: 30, workingDirectory: BinaryLocator.repositoryRoot())
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertTrue(result.stdout.hasPrefix("region: cn-hangzhou\n"), "\(result)")
        let renamed = try NSRegularExpression(pattern: #"\nm-[a-z0-9]+ renamed: "[^"]+" -> "quickstart-[0-9]{14}"\n"#)
        let range = NSRange(result.stdout.startIndex..., in: result.stdout)
        XCTAssertNotNil(renamed.firstMatch(in: result.stdout, range: range), "\(result)")
        XCTAssertTrue(result.stdout.contains("rejected locally: InvalidImageName.Malformed"), "\(result)")
        XCTAssertTrue(result.stdout.contains("server said: InvalidImageName.Duplicated (HTTP 400)"), "\(result)")
        XCTAssertEqual(result.stderr, "")
    }

    func testDryRunPrintsTheSignedRequestWithoutSecretAndChangesNothing() throws {
        let id = "m-bp1in5n4xdcucy7hd2tk"
        let result = try EcshProcess.run([
            "--dry-run", "--local",
            "-e", "before = ecs.image('\(id)').ImageName",
            "-e", "print(json.encode(ecs.modify_image_attribute{ImageId = '\(id)', ImageName = 'x-dry'}))",
            "-e", "local now = ecs.image('\(id)').ImageName return now == before, now",
        ], timeout: 20)
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        let out = result.stdout
        XCTAssertTrue(out.contains("POST http://127.0.0.1:"), "method and URL: \(result)")
        XCTAssertTrue(out.contains("ImageName=x-dry"), "\(result)")
        XCTAssertTrue(out.contains("x-acs-action: ModifyImageAttribute"), "headers: \(result)")
        XCTAssertTrue(out.contains("Authorization: ACS3-HMAC-SHA256 Credential=demo-full-access"), "\(result)")
        XCTAssertTrue(out.contains("\"DryRun\":true"), "\(result)")
        XCTAssertFalse(result.combined.contains("demo-full-secret"), "the secret leaked: \(result)")
        let last = out.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(last.hasPrefix("true\t"), "the image changed: \(result)")
        XCTAssertFalse(last.contains("x-dry"), "\(result)")
    }

    func testDebugLogNeverShowsTheSecret() throws {
        let result = try EcshProcess.run(["--debug", "--local", "-e", "return ecs.describe_images{PageSize = 1}.PageSize"], timeout: 20)
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "1\n")
        XCTAssertTrue(result.stderr.contains("DescribeImages"), "the request is logged: \(result)")
        XCTAssertFalse(result.combined.contains("demo-full-secret"), "the secret leaked: \(result)")
    }
}
