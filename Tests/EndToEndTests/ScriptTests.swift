import Foundation
import TestSupport
import XCTest

/// `ecsh SCRIPT.lua ARGS`, `-e`, `ecsh -` and piped input, run through the built binary.
final class ScriptTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory(prefix: "ecsh-e2e-scripts")
    }

    override func tearDown() {
        dir.remove()
    }

    private static let argScript = """
        #!/usr/bin/env ecsh
        print("0=" .. arg[0])
        print("1=" .. arg[1])
        print("2=" .. arg[2])
        print("n=" .. #arg)
        print("-1=" .. tostring(arg[-1]))
        print("-2=" .. tostring(arg[-2]))
        print("varargs=" .. table.concat({...}, "|") .. "|" .. select("#", ...))
        """

    func testScriptGetsArgTableAndVarargsLikeLua() throws {
        let script = try dir.write("args.lua", Self.argScript)
        let result = try EcshProcess.run([script, "a", "b c"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, """
            0=\(script)
            1=a
            2=b c
            n=2
            -1=\(BinaryLocator.ecsh().path)
            -2=nil
            varargs=a|b c|2

            """)
        XCTAssertEqual(result.stderr, "")
    }

    /// `--` ends the options as in lua(1): the next word is the script even if it starts with `-`, and `--`
    /// itself is arg[-1] (it was refused as "unknown option '--'").
    func testDoubleDashEndsTheOptions() throws {
        let script = try dir.write("args.lua", Self.argScript)
        let result = try EcshProcess.run(["--", script, "-x", "--region"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, """
            0=\(script)
            1=-x
            2=--region
            n=2
            -1=--
            -2=\(BinaryLocator.ecsh().path)
            varargs=-x|--region|2

            """)
        let chunkThenScript = try EcshProcess.run(["-e", "x = 7", "--", script, "y", "z"])
        XCTAssertEqual(chunkThenScript.exitCode, 0, "\(chunkThenScript)")
        XCTAssertTrue(chunkThenScript.stdout.hasPrefix("0=\(script)\n1=y\n2=z\n"), "\(chunkThenScript)")
    }

    /// With stdout and stderr on one pipe, ecs.table's lines come out where the script wrote them, as
    /// print's do (they stayed in the stdout buffer and came out after later stderr text).
    func testTableOutputStaysInOrderWithPrintAndStderr() throws {
        let process = Process()
        process.executableURL = BinaryLocator.ecsh()
        process.arguments = ["-e", #"print("A") ecs.table({ { x = 1 } }, { "x" }) io.stderr:write("ERR\n") print("B")"#]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "A\nx\n-\n1\nERR\nB\n")
    }

    /// ecs.config{ profile = ... } brings the profile's region, as --profile does (the old region stayed),
    /// unless the same call names a region.
    func testSwitchingProfileBringsItsRegion() throws {
        let environment = try twoProfileHome()
        let result = try EcshProcess.run(["-e", """
            local first = ecs.config().region
            ecs.config{ profile = "p2" }
            local second = ecs.config().region
            ecs.config{ profile = "p1", region = "cn-beijing" }
            return first, second, ecs.config().region
            """], environment: environment)
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "cn-hangzhou\tcn-shanghai\tcn-beijing\n")
    }

    /// A region chosen explicitly (--region, ALIBABA_CLOUD_REGION_ID, an earlier ecs.config{ region }) outranks
    /// the region of a profile chosen later, as it does at start-up; ecs.config() names the profile in effect.
    func testExplicitRegionOutranksALaterProfilesRegionAndTheProfileIsReported() throws {
        let environment = try twoProfileHome()
        let chunk = "ecs.config{ profile = 'p2' }; return ecs.config().region, ecs.config().access_key_id"
        let flag = try EcshProcess.run(["--region", "cn-beijing", "-e", chunk], environment: environment)
        XCTAssertEqual(flag.stdout, "cn-beijing\tid2\n", "\(flag)")
        let variable = try EcshProcess.run(["-e", chunk], environment: environment.merging(["ALIBABA_CLOUD_REGION_ID": "cn-qingdao"]) { $1 })
        XCTAssertEqual(variable.stdout, "cn-qingdao\tid2\n", "\(variable)")
        let earlier = try EcshProcess.run(["-e", "ecs.config{ region = 'cn-beijing' }; " + chunk], environment: environment)
        XCTAssertEqual(earlier.stdout, "cn-beijing\tid2\n", "\(earlier)")

        let named = try EcshProcess.run(["--profile", "p2", "-e", "return ecs.config().profile"], environment: environment)
        XCTAssertEqual(named.stdout, "p2\n", "\(named)")
        let fromVariable = try EcshProcess.run(
            ["-e", "return ecs.config().profile"], environment: environment.merging(["ALIBABA_CLOUD_PROFILE": "p2"]) { $1 })
        XCTAssertEqual(fromVariable.stdout, "p2\n", "\(fromVariable)")
        // With keys of its own in the environment, ALIBABA_CLOUD_PROFILE selects nothing: no profile is in effect.
        let keyed = try EcshProcess.run(
            ["-e", "return ecs.config().profile, ecs.config().access_key_id"],
            environment: environment.merging([
                "ALIBABA_CLOUD_PROFILE": "p2", "ALIBABA_CLOUD_ACCESS_KEY_ID": "envid", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "envsecret",
            ]) { $1 })
        XCTAssertEqual(keyed.stdout, "nil\tenvid\n", "\(keyed)")
    }

    /// Writes an aliyun config.json with profiles p1 (id1, cn-hangzhou; current) and p2 (id2, cn-shanghai) into
    /// the test's home; returns the environment that uses that home and no keys or region of its own.
    private func twoProfileHome() throws -> [String: String] {
        try FileManager.default.createDirectory(atPath: dir.path(".aliyun"), withIntermediateDirectories: true)
        _ = try dir.write(".aliyun/config.json", """
            {"current": "p1", "profiles": [
              {"name": "p1", "mode": "AK", "access_key_id": "id1", "access_key_secret": "secret1", "region_id": "cn-hangzhou"},
              {"name": "p2", "mode": "AK", "access_key_id": "id2", "access_key_secret": "secret2", "region_id": "cn-shanghai"}]}
            """)
        chmod(dir.path(".aliyun/config.json"), 0o600)
        return ["HOME": dir.url.path, "ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALIBABA_CLOUD_REGION_ID": ""]
    }

    func testOptionsBeforeTheScriptGetNegativeIndices() throws {
        let script = try dir.write("args.lua", Self.argScript)
        let result = try EcshProcess.run(["--sandbox", script, "x", "y"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertTrue(result.stdout.contains("-1=--sandbox\n-2=\(BinaryLocator.ecsh().path)\n"), "\(result)")
        XCTAssertTrue(result.stdout.contains("varargs=x|y|2\n"), "\(result)")
    }

    func testShebangLineIsSkippedAndLineNumbersKept() throws {
        let script = try dir.write("boom.lua", "#!/usr/bin/env ecsh\nlocal x = 1\nerror('line three')\n")
        let result = try EcshProcess.run([script])
        XCTAssertEqual(result.exitCode, 1, "\(result)")
        XCTAssertTrue(result.stderr.contains("boom.lua:3: line three"), "\(result)")
    }

    func testExecutableScriptRunsThroughEnvShebang() throws {
        let script = try dir.write("hello.lua", "#!/usr/bin/env ecsh\nprint('hello from ' .. arg[1])\n", executable: true)
        let binDir = BinaryLocator.ecsh().deletingLastPathComponent().path
        let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try EcshProcess(["shebang"], environment: ["PATH": path], executable: URL(fileURLWithPath: script))
            .wait(timeout: 10)
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "hello from shebang\n")
    }

    func testSeveralChunksPrintOnlyTheLastOnesResults() throws {
        let result = try EcshProcess.run([
            "-e", "x = 20", "-e", "return 'first chunk'", "-e",
            "return x * 2 + 2, 'raw string', {b = {1, 2}, a = 's'}, nil, 3.5",
        ])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "42\traw string\t{ a = \"s\", b = { 1, 2 } }\tnil\t3.5\n")
    }

    func testChunkReturningNothingPrintsOnlyItsOwnOutput() throws {
        let result = try EcshProcess.run(["-e", "local y = 1 print('side effect', y)"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "side effect\t1\n")
    }

    func testJSONOutputPrintsOneJSONValuePerResult() throws {
        let result = try EcshProcess.run(["--output", "json", "-e", "return {a = 1, list = {1, 2}}, 'two words'"])
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, "\(result)")
        guard lines.count == 2 else { return }
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        XCTAssertEqual(object?["a"] as? Int, 1)
        XCTAssertEqual(object?["list"] as? [Int], [1, 2])
        let string = try JSONSerialization.jsonObject(with: Data(lines[1].utf8), options: .fragmentsAllowed)
        XCTAssertEqual(string as? String, "two words")
    }

    func testDashReadsTheScriptFromStandardInput() throws {
        let result = try EcshProcess.run(
            ["-", "p", "q"], stdin: "#!/usr/bin/env ecsh\nprint('from stdin', ...)\nprint(arg[0], arg[1], #arg)\n")
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "from stdin\tp\tq\n-\tp\t2\n")
    }

    func testPipedInputRunsTheREPLWithoutPrompts() throws {
        let result = try EcshProcess.run([], stdin: "print(1)\n")
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "1\n")
        XCTAssertFalse(result.combined.contains("ecsh>"), "\(result)")
    }

    func testPipedMultiLineChunkPrintsNoContinuationPrompt() throws {
        let result = try EcshProcess.run([], stdin: "for i = 1, 2 do\nprint(i * 10)\nend\nprint('done')\n")
        XCTAssertEqual(result.exitCode, 0, "\(result)")
        XCTAssertEqual(result.stdout, "10\n20\ndone\n")
    }
}
