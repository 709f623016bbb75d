import Foundation
import TestSupport
import XCTest

/// The interactive REPL driven through a real pseudo-terminal: prompts, printing, continuation lines,
/// completion, Ctrl-C, Ctrl-D and the history file.
final class REPLTests: XCTestCase {
    private let ctrlC = "\u{03}"
    private let ctrlD = "\u{04}"
    private var session: PtySession!

    override func setUpWithError() throws {
        session = try PtySession()
    }

    override func tearDown() {
        session.home.remove()
    }

    func testExpressionsPrintTheirValues() throws {
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("1+1\r"), .expect("\r\n2\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send("{b = {1, 2}, a = 's'}\r"), .expect("{ a = \"s\", b = { 1, 2 } }\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send("'two', 3\r"), .expect("\"two\"\t3\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        XCTAssertFalse(outcome.transcript.contains("ecsh> "), "no region configured: the default one is shown: \(outcome.transcript)")
    }

    /// Non-ASCII characters typed at the prompt reach Lua whole (every one was dropped: libedit took each
    /// UTF-8 byte for a character of its own), whatever the locale, and reach the history file too.
    func testNonASCIIInputReachesLua() throws {
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("#\"中文\", \"é\" .. \"测试镜像-image_01\"\r"),
            .expect("6\t\"é测试镜像-image_01\"\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ], environment: ["LANG": "", "LC_ALL": ""])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let text = (try? String(contentsOfFile: session.home.path(".ecsh_history"), encoding: .utf8)) ?? ""
        XCTAssertTrue(text.contains("测试镜像-image_01"), "the history keeps the line as typed: \(text)")
    }

    func testLocalPromptShowsTheRegion() throws {
        let outcome = try session.run(["--local"], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("ecs.config().region\r"), .expect("\"cn-hangzhou\"\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testIncompleteChunkReadsContinuationLines() throws {
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("for i=1,2 do\r"), .expect(">> "),
            .send("print(i * 10) end\r"), .expect("10\r\n20\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let history = session.historyLines ?? []
        XCTAssertEqual(history.count, 1, "one chunk, one entry: \(history)")
        XCTAssertTrue(history.first.map { $0.hasPrefix("for i=1,2 do") && $0.hasSuffix("print(i * 10) end") } ?? false,
                      "the whole chunk is one entry: \(history)")
    }

    func testTabCompletesGlobalFields() throws {
        // `string.fo<TAB>` must have become `string.format`, or the call below fails.
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("string.fo"), .send("\t"), .sleep(0.2), .send("('%d-%s', 7, 'x')\r"),
            .expect("\"7-x\"\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testTabCompletesECSFunctions() throws {
        // `ecs.mo` is shared by modify_image_attribute and modify_image_share_permission: one Tab completes
        // the common part, a second lists both, then `a<TAB>` completes the name.
        let outcome = try session.run(["--local"], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("type(ecs.mo"), .send("\t"), .sleep(0.2), .send("\t"),
            .expect("ecs.modify_image_attribute"), .expect("ecs.modify_image_share_permission"),
            .send("a"), .send("\t"), .sleep(0.2), .send(")\r"), .expect("\"function\"\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testTabCompletesParameterNamesInsideAnECSCall() throws {
        // Inside the table of an ECS call, `ImageNa<TAB>` has one completion (ImageName), and
        // `Im<TAB><TAB>` lists the three names of ModifyImageAttribute that start with Im.
        let outcome = try session.run(["--local"], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("ecs.validate.modify_image_attribute{ ImageId = 'm-1', ImageNa"),
            .send("\t"), .sleep(0.3), .send(" = 'x' }\r"), .expect("false\t"), .expect("InvalidImageName.Malformed"),
            .expect("ecsh [cn-hangzhou]> "), .send("ecs.modify_image_attribute{ Im"), .send("\t"), .sleep(0.2), .send("\t"),
            .expect("ImageFamily"), .expect("ImageId"), .expect("ImageName"),
            .send(ctrlC), .expect("ecsh [cn-hangzhou]> "),
            // Inside a nested table: Features' own fields.
            .send("ecs.validate.modify_image_attribute{ ImageId = 'm-1', Features = { Imd"), .send("\t"), .sleep(0.3),
            .send(" = 'v9' } }\r"), .expect("InvalidParameter.FeaturesImdsSupport"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testTabCompletesImageIdsSeenInTheSession() throws {
        // One image seen, so `"m-<TAB>` has exactly one completion: the id itself.
        let outcome = try session.run(["--local"], steps: [
            .expect("ecsh [cn-hangzhou]> "),
            .send("seen = ecs.describe_images{ ImageOwnerAlias = 'self', PageSize = 1 }.Images[1].ImageId\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("ecs.image(\"m-"), .send("\t"), .sleep(0.3),
            .send("\").ImageId == seen\r"), .expect("true\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testCtrlCWhileTypingClearsTheLine() throws {
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("x = 42"), .sleep(0.2), .send(ctrlC),
            .expect("ecsh [cn-hangzhou]> "), .send("x\r"), .expect("\r\nnil\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send("1+1\r"), .expect("\r\n2\r\n"),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testCtrlCInterruptsARunningChunkAndKeepsTheShell() throws {
        // The output "loop-started" cannot be the echo of the input, which spells it "loop" .. "-started".
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("print('loop' .. '-started') while true do end\r"), .expect("loop-started"),
            .sleep(0.3), .send(ctrlC), .expect("interrupted"),
            .expect("ecsh [cn-hangzhou]> "), .send("'still' .. '-alive'\r"), .expect("\"still-alive\""),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testCtrlDLeavesWithZero() throws {
        let outcome = try session.run([], steps: [.expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testHistoryNeverHoldsTheSecret() throws {
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("s = 'MARKER-SECRET-123'\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("'history' .. '-ok'\r"), .expect("\"history-ok\""),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ], environment: [
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "marker-access-id",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "MARKER-SECRET-123",
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let text = (try? String(contentsOfFile: session.home.path(".ecsh_history"), encoding: .utf8)) ?? ""
        XCTAssertTrue(text.contains("'history' .. '-ok'"), "the history was written: \(text)")
        XCTAssertFalse(text.contains("MARKER"), "the secret reached the history: \(text)")
    }

    /// A profile chosen during the session brings its own secret and token: lines holding them stay out too.
    func testHistoryNeverHoldsTheSecretOfAProfileChosenLater() throws {
        let config = """
            {"current": "p1", "profiles": [
              {"name": "p1", "mode": "AK", "access_key_id": "id-p1", "access_key_secret": "FIRST-SECRET-1"},
              {"name": "p2", "mode": "StsToken", "access_key_id": "id-p2", "access_key_secret": "SECOND-SECRET-2",
               "sts_token": "SECOND-TOKEN-2"},
              {"name": "p3", "mode": "AK", "access_key_id": "id-p3", "access_key_secret": "THIRD-SECRET-3"}]}
            """
        try FileManager.default.createDirectory(atPath: session.home.path(".aliyun"), withIntermediateDirectories: true)
        try Data(config.utf8).write(to: URL(fileURLWithPath: session.home.path(".aliyun/config.json")))
        chmod(session.home.path(".aliyun/config.json"), 0o600)
        let outcome = try session.run([], steps: [
            .expect("ecsh [cn-hangzhou]> "), .send("ecs.config{ profile = 'p2' }\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("b = 'SECOND-SECRET-2'\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("c = 'SECOND-TOKEN-2'\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("a = 'FIRST-SECRET-1'\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("d = 'THIRD-SECRET-3'\r"),
            .expect("ecsh [cn-hangzhou]> "), .send("'history' .. '-ok'\r"), .expect("\"history-ok\""),
            .expect("ecsh [cn-hangzhou]> "), .send(ctrlD), .exit,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let text = (try? String(contentsOfFile: session.home.path(".ecsh_history"), encoding: .utf8)) ?? ""
        XCTAssertTrue(text.contains("ecs.config{ profile = 'p2' }"), "the history was written: \(text)")
        XCTAssertTrue(text.contains("'history' .. '-ok'"), "the history was written: \(text)")
        XCTAssertFalse(text.contains("SECOND"), "the later profile's secret reached the history: \(text)")
        XCTAssertFalse(text.contains("FIRST"), "the first profile's secret reached the history: \(text)")
        XCTAssertFalse(text.contains("THIRD"), "a profile never selected keeps its secret out too: \(text)")
    }
}
