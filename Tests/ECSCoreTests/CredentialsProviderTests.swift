import Foundation
import XCTest

@testable import ECSCore

/// Collects warnings from providers (Sendable, for the `warn` closure).
final class CredentialsWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func record(_ message: String) {
        lock.lock()
        stored.append(message)
        lock.unlock()
    }
}

final class CredentialsProviderTests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-creds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: home)
    }

    @discardableResult
    private func write(_ relative: String, _ text: String, mode: Int = 0o600) throws -> String {
        let url = home.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    private var configPath: String { home.appendingPathComponent(".aliyun/config.json").path }
    private var iniPath: String { home.appendingPathComponent(".alibabacloud/credentials.ini").path }

    private let cliConfig = """
        {
          "current": "work",
          "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "id-default", "access_key_secret": "secret-default",
             "region_id": "cn-hangzhou", "output_format": "json", "retry_count": 0},
            {"name": "work", "mode": "AK", "access_key_id": "id-work", "access_key_secret": "secret-work",
             "region_id": "cn-beijing"},
            {"name": "sts", "mode": "StsToken", "access_key_id": "id-sts", "access_key_secret": "secret-sts",
             "sts_token": "token-sts", "region_id": ""},
            {"name": "role", "mode": "RamRoleArn", "access_key_id": "id-role", "access_key_secret": "secret-role",
             "ram_role_arn": "acs:ram::123:role/x"},
            {"name": "halfsts", "mode": "StsToken", "access_key_id": "id", "access_key_secret": "s"},
            {"name": "nosecret", "mode": "AK", "access_key_id": "id", "access_key_secret": ""}
          ],
          "meta_path": ""
        }
        """

    private let ini = """
        # comment
        ; another comment
        [default]
        enable = true
        type = access_key
        access_key_id = ini-id
        access_key_secret = ini-secret

        [project]
        type = sts
        access_key_id: proj-id
        access_key_secret = "proj-secret"
        security_token = tok=en==

        [role]
        type = ecs_ram_role
        role_name = x

        [off]
        enable = false
        type = access_key
        access_key_id = off-id
        access_key_secret = off-secret
        """

    // MARK: - Environment and static

    func testEnvironmentProvider() throws {
        let full = try EnvironmentCredentialsProvider(environment: [
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
            "ALIBABA_CLOUD_SECURITY_TOKEN": "env-token",
        ]).resolve()
        XCTAssertEqual(full.accessKeyId, "env-id")
        XCTAssertEqual(full.accessKeySecret.reveal(), "env-secret")
        XCTAssertEqual(full.securityToken?.reveal(), "env-token")

        let noToken = try EnvironmentCredentialsProvider(environment: [
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "i", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s", "ALIBABA_CLOUD_SECURITY_TOKEN": "",
        ]).resolve()
        XCTAssertNil(noToken.securityToken)

        XCTAssertThrowsError(try EnvironmentCredentialsProvider(environment: [:]).resolve()) { error in
            guard case .notConfigured = error as? CredentialsError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(
            try EnvironmentCredentialsProvider(environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "i"]).resolve()
        ) { error in
            XCTAssertEqual(
                error as? CredentialsError,
                .incomplete(source: "environment", missing: "ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        }
        XCTAssertThrowsError(
            try EnvironmentCredentialsProvider(environment: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET": "very-secret"]).resolve()
        ) { error in
            XCTAssertFalse("\(error)".contains("very-secret"))
        }
    }

    func testStaticProvider() throws {
        let provider = StaticCredentialsProvider(accessKeyId: "a", accessKeySecret: "b", securityToken: "c")
        XCTAssertEqual(try provider.resolve().securityToken?.reveal(), "c")
        XCTAssertEqual(provider.name, "static")
        XCTAssertThrowsError(try StaticCredentialsProvider(accessKeyId: "", accessKeySecret: "b").resolve())
    }

    // MARK: - aliyun CLI config.json

    func testCLIConfigProfileSelection() throws {
        try write(".aliyun/config.json", cliConfig)
        // current
        XCTAssertEqual(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).resolve().accessKeyId, "id-work")
        // ALIBABA_CLOUD_PROFILE beats current
        XCTAssertEqual(
            try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: ["ALIBABA_CLOUD_PROFILE": "default"])
                .resolve().accessKeyId, "id-default")
        // --profile beats ALIBABA_CLOUD_PROFILE
        XCTAssertEqual(
            try AliyunCLIConfigProvider(path: configPath, profile: "sts", environment: ["ALIBABA_CLOUD_PROFILE": "default"])
                .resolve().accessKeyId, "id-sts")
        // empty ALIBABA_CLOUD_PROFILE is ignored
        XCTAssertEqual(
            try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: ["ALIBABA_CLOUD_PROFILE": ""])
                .resolve().accessKeyId, "id-work")
        XCTAssertEqual(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).region(), "cn-beijing")
        XCTAssertNil(try AliyunCLIConfigProvider(path: configPath, profile: "sts", environment: [:]).region())
    }

    func testCLIConfigWithoutCurrentUsesDefault() throws {
        try write(".aliyun/config.json", """
            {"profiles": [{"name": "default", "mode": "AK", "access_key_id": "d", "access_key_secret": "s"}]}
            """)
        XCTAssertEqual(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).resolve().accessKeyId, "d")
    }

    func testCLIConfigModes() throws {
        try write(".aliyun/config.json", cliConfig)
        let sts = try AliyunCLIConfigProvider(path: configPath, profile: "sts", environment: [:]).resolve()
        XCTAssertEqual(sts.securityToken?.reveal(), "token-sts")
        XCTAssertEqual(sts.accessKeySecret.reveal(), "secret-sts")

        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: "role", environment: [:]).resolve()) { error in
            XCTAssertEqual(error as? CredentialsError, .unsupportedMode(mode: "RamRoleArn", profile: "role"))
            XCTAssertTrue("\(error)".contains("RamRoleArn"))
            XCTAssertTrue("\(error)".contains("role"))
            XCTAssertFalse("\(error)".contains("secret-role"))
        }
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: "halfsts", environment: [:]).resolve()) { error in
            guard case .incomplete(_, let missing) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(missing, "sts_token")
        }
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: "nosecret", environment: [:]).resolve()) { error in
            guard case .incomplete(_, let missing) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(missing, "access_key_secret")
        }
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: "nope", environment: [:]).resolve()) { error in
            XCTAssertEqual(error as? CredentialsError, .profileNotFound(profile: "nope", source: configPath))
        }
    }

    func testCLIConfigMissingAndMalformed() throws {
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).resolve()) { error in
            guard case .notConfigured = error as? CredentialsError else { return XCTFail("\(error)") }
        }
        try write(".aliyun/config.json", "{ \"profiles\": [ {\"name\": \"x\", \"access_key_secret\": \"leaky-secret\" ")
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).resolve()) { error in
            guard case .malformedFile(let path, _) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, configPath)
            XCTAssertFalse("\(error)".contains("leaky-secret"))
        }
        try write(".aliyun/config.json", "{ \"profiles\": [ {\"name\": \"default\", \"access_key_secret\": 12345} ] }")
        XCTAssertThrowsError(try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).resolve()) { error in
            guard case .malformedFile(_, let reason) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("access_key_secret"), reason)
            XCTAssertFalse(reason.contains("12345"), reason)
        }
    }

    func testInsecurePermissionsWarn() throws {
        try write(".aliyun/config.json", cliConfig, mode: 0o644)
        try write(".alibabacloud/credentials.ini", ini, mode: 0o640)
        let warnings = CredentialsWarnings()
        _ = try AliyunCLIConfigProvider(
            path: configPath, profile: nil, environment: [:], warn: { warnings.record($0) }
        ).resolve()
        _ = try CredentialsINIProvider(path: iniPath, environment: [:], warn: { warnings.record($0) }).resolve()
        XCTAssertEqual(warnings.messages.count, 2)
        XCTAssertTrue(warnings.messages[0].contains(configPath))
        XCTAssertTrue(warnings.messages[0].contains("644"))
        XCTAssertTrue(warnings.messages[0].contains("chmod 600"))
        XCTAssertTrue(warnings.messages[1].contains(iniPath))
        for message in warnings.messages {
            XCTAssertFalse(message.contains("secret-work") || message.contains("ini-secret"), message)
            XCTAssertTrue(message.hasPrefix("credentials file "), "the sink adds the 'warning:' frame: \(message)")
        }

        // Once per file and process: a bulk script resolves credentials at every call.
        let again = CredentialsWarnings()
        _ = try CredentialsINIProvider(path: iniPath, environment: [:], warn: { again.record($0) }).resolve()
        XCTAssertEqual(again.messages, [])

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configPath)
        let quiet = CredentialsWarnings()
        _ = try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:], warn: { quiet.record($0) }).resolve()
        XCTAssertEqual(quiet.messages, [])
    }

    /// A profile's region, for --profile and ecs.config{ profile = ... } alike; a malformed one is ignored.
    func testRegionOfAProfile() throws {
        try write(".aliyun/config.json", cliConfig.replacingOccurrences(of: #""region_id": """#, with: #""region_id": "CN_Bad""#))
        let environment = ["HOME": home.path]
        XCTAssertEqual(AliyunCLIConfigProvider.region(ofProfile: nil, environment: environment), "cn-beijing", "current: work")
        XCTAssertEqual(AliyunCLIConfigProvider.region(ofProfile: "default", environment: environment), "cn-hangzhou")
        XCTAssertNil(AliyunCLIConfigProvider.region(ofProfile: "sts", environment: environment), "CN_Bad is not a region id")
        XCTAssertNil(AliyunCLIConfigProvider.region(ofProfile: "ghost", environment: environment))
    }

    /// A reader that gives no warning sink (the region lookup, the history's secret list) does not use up
    /// the once-per-file warning: the next reader with a sink still gets it.
    func testASilentReaderDoesNotUseUpTheWarning() throws {
        try write(".aliyun/config.json", cliConfig, mode: 0o644)
        _ = try AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).region()
        _ = AliyunCLIConfigProvider(path: configPath, profile: nil, environment: [:]).storedSecrets()
        let warnings = CredentialsWarnings()
        _ = try AliyunCLIConfigProvider(path: configPath, profile: "work", environment: [:], warn: { warnings.record($0) }).resolve()
        XCTAssertEqual(warnings.messages.count, 1)
    }

    /// The mode of the file a symbolic link points to decides (a link's own bits are always 777).
    func testPermissionsOfASymlinkedFileAreThoseOfItsTarget() throws {
        try write(".alibabacloud/real.ini", ini, mode: 0o600)
        let link = home.appendingPathComponent(".alibabacloud/link.ini").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: home.appendingPathComponent(".alibabacloud/real.ini").path)
        let warnings = CredentialsWarnings()
        XCTAssertEqual(try CredentialsINIProvider(path: link, environment: [:], warn: { warnings.record($0) }).resolve().accessKeyId, "ini-id")
        XCTAssertEqual(warnings.messages, [])
        try write(".alibabacloud/open.ini", ini, mode: 0o644)
        let openLink = home.appendingPathComponent(".alibabacloud/open-link.ini").path
        try FileManager.default.createSymbolicLink(atPath: openLink, withDestinationPath: home.appendingPathComponent(".alibabacloud/open.ini").path)
        _ = try CredentialsINIProvider(path: openLink, environment: [:], warn: { warnings.record($0) }).resolve()
        XCTAssertEqual(warnings.messages.count, 1)
        XCTAssertTrue(warnings.messages.first?.contains("mode 644") ?? false, "\(warnings.messages)")
    }

    /// Every profile's secret and token, selected or not: what the REPL keeps out of its history.
    func testStoredSecretsOfEveryProfile() throws {
        try write(".aliyun/config.json", cliConfig)
        try write(".alibabacloud/credentials.ini", ini)
        let chain = CredentialsChain.default(profile: nil, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"], home: home.path)
        XCTAssertEqual(Set(chain.storedSecrets()), [
            "env-secret", "secret-default", "secret-work", "secret-sts", "token-sts", "secret-role", "s",
            "ini-secret", "proj-secret", "tok=en==", "off-secret",
        ])
    }

    // MARK: - credentials.ini

    /// As the official credentials library (configparser, then each value cut at '#'): comments after a
    /// value or a section header are not part of them.
    func testINITrailingCommentsAreNotPartOfValuesOrHeaders() throws {
        try write(".alibabacloud/credentials.ini", """
            [default] # main account
            type = access_key
            access_key_id = demo-full-access  # my key
            access_key_secret = demo-full-secret#no space
            """)
        let credentials = try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()
        XCTAssertEqual(credentials.accessKeyId, "demo-full-access")
        XCTAssertEqual(credentials.accessKeySecret.reveal(), "demo-full-secret")
    }

    func testINIProfiles() throws {
        try write(".alibabacloud/credentials.ini", ini)
        let defaults = try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()
        XCTAssertEqual(defaults.accessKeyId, "ini-id")
        XCTAssertEqual(defaults.accessKeySecret.reveal(), "ini-secret")
        XCTAssertNil(defaults.securityToken)

        let project = try CredentialsINIProvider(path: iniPath, environment: ["ALIBABA_CLOUD_PROFILE": "project"]).resolve()
        XCTAssertEqual(project.accessKeyId, "proj-id")
        XCTAssertEqual(project.accessKeySecret.reveal(), "proj-secret", "quotes stripped")
        XCTAssertEqual(project.securityToken?.reveal(), "tok=en==", "value keeps its own '='")

        let explicit = try CredentialsINIProvider(
            path: iniPath, profile: "project", environment: ["ALIBABA_CLOUD_PROFILE": "default"]
        ).resolve()
        XCTAssertEqual(explicit.accessKeyId, "proj-id")

        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, profile: "role", environment: [:]).resolve()) { error in
            XCTAssertEqual(error as? CredentialsError, .unsupportedMode(mode: "ecs_ram_role", profile: "role"))
        }
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, profile: "off", environment: [:]).resolve()) { error in
            guard case .notConfigured = error as? CredentialsError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, profile: "ghost", environment: [:]).resolve()) { error in
            XCTAssertEqual(error as? CredentialsError, .profileNotFound(profile: "ghost", source: iniPath))
        }
    }

    func testINIMissingAndMalformed() throws {
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()) { error in
            guard case .notConfigured = error as? CredentialsError else { return XCTFail("\(error)") }
        }
        try write(".alibabacloud/credentials.ini", "[default]\naccess_key_id = a\nthis line has the-secret-value\n")
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()) { error in
            guard case .malformedFile(_, let reason) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("line 3"), reason)
            XCTAssertFalse("\(error)".contains("the-secret-value"))
        }
        try write(".alibabacloud/credentials.ini", "access_key_id = a\n[default]\n")
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()) { error in
            guard case .malformedFile(_, let reason) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("line 1"), reason)
        }
        try write(".alibabacloud/credentials.ini", "[default\n")
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()) { error in
            guard case .malformedFile = error as? CredentialsError else { return XCTFail("\(error)") }
        }
        try write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = a\n")
        XCTAssertThrowsError(try CredentialsINIProvider(path: iniPath, environment: [:]).resolve()) { error in
            guard case .incomplete(_, let missing) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(missing, "access_key_secret")
        }
    }

    // MARK: - chain

    func testDefaultChainOrder() throws {
        let envKeys = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"]
        // Nothing configured: every source is listed.
        XCTAssertThrowsError(try CredentialsChain.default(profile: nil, environment: [:], home: home.path).resolve()) { error in
            guard case .noCredentials(let tried) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(tried.count, 3, "\(tried)")
            XCTAssertTrue(tried[0].contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
            XCTAssertTrue(tried[1].contains("config.json"))
            XCTAssertTrue(tried[2].contains("credentials.ini"))
        }
        // ini only
        try write(".alibabacloud/credentials.ini", ini)
        XCTAssertEqual(try CredentialsChain.default(profile: nil, environment: [:], home: home.path).resolve().accessKeyId, "ini-id")
        // config.json beats ini
        try write(".aliyun/config.json", cliConfig)
        XCTAssertEqual(try CredentialsChain.default(profile: nil, environment: [:], home: home.path).resolve().accessKeyId, "id-work")
        // environment beats files
        XCTAssertEqual(try CredentialsChain.default(profile: nil, environment: envKeys, home: home.path).resolve().accessKeyId, "env-id")
        // --profile beats environment keys
        XCTAssertEqual(
            try CredentialsChain.default(profile: "default", environment: envKeys, home: home.path).resolve().accessKeyId,
            "id-default")
        // a profile only the ini has falls through to the ini
        XCTAssertEqual(
            try CredentialsChain.default(profile: "project", environment: [:], home: home.path).resolve().accessKeyId,
            "proj-id")
        XCTAssertEqual(
            try CredentialsChain.default(profile: nil, environment: ["ALIBABA_CLOUD_PROFILE": "project"], home: home.path)
                .resolve().accessKeyId, "proj-id")
        // a profile nobody has
        XCTAssertThrowsError(try CredentialsChain.default(profile: "ghost", environment: [:], home: home.path).resolve()) { error in
            guard case .noCredentials(let tried) = error as? CredentialsError else { return XCTFail("\(error)") }
            XCTAssertEqual(tried.count, 2)
            XCTAssertTrue(tried.allSatisfy { $0.contains("'ghost'") }, "\(tried)")
        }
        // an unsupported mode stops the chain instead of silently using the ini
        XCTAssertThrowsError(try CredentialsChain.default(profile: "role", environment: [:], home: home.path).resolve()) { error in
            XCTAssertEqual(error as? CredentialsError, .unsupportedMode(mode: "RamRoleArn", profile: "role"))
        }
        // half-set environment stops the chain
        XCTAssertThrowsError(
            try CredentialsChain.default(
                profile: nil, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "x"], home: home.path
            ).resolve()
        ) { error in
            guard case .incomplete = error as? CredentialsError else { return XCTFail("\(error)") }
        }
    }

    func testCredentialsFileVariableOverridesINIPath() throws {
        let custom = try write("elsewhere/creds.ini", "[default]\ntype = access_key\naccess_key_id = c-id\naccess_key_secret = c-s\n")
        XCTAssertEqual(
            try CredentialsChain.default(
                profile: nil, environment: ["ALIBABA_CLOUD_CREDENTIALS_FILE": custom], home: home.path
            ).resolve().accessKeyId, "c-id")
    }

    func testChainNameListsProviders() {
        let chain = CredentialsChain(providers: [
            StaticCredentialsProvider(accessKeyId: "a", accessKeySecret: "b"), EnvironmentCredentialsProvider(environment: [:]),
        ])
        XCTAssertTrue(chain.name.contains("static"))
        XCTAssertTrue(chain.name.contains("environment"))
        XCTAssertEqual(try chain.resolve().accessKeyId, "a")
    }
}
