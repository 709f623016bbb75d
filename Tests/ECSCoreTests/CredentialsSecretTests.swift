import Foundation
import XCTest

@testable import ECSCore

final class CredentialsSecretTests: XCTestCase {
    private let secretText = "sup3r-s3cret-VALUE"

    func testSecretNeverShowsItself() throws {
        let secret = Secret(secretText)
        XCTAssertEqual(secret.reveal(), secretText)
        XCTAssertEqual(secret.description, "<redacted>")
        XCTAssertEqual(secret.debugDescription, "<redacted>")
        XCTAssertEqual("\(secret)", "<redacted>")
        XCTAssertEqual(String(describing: secret), "<redacted>")
        XCTAssertEqual(String(reflecting: secret), "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        XCTAssertFalse(dumped.contains(secretText), dumped)
        XCTAssertTrue(Mirror(reflecting: secret).children.isEmpty)
        let encoded = try String(decoding: JSONEncoder().encode(secret), as: UTF8.self)
        XCTAssertEqual(encoded, "\"<redacted>\"")
        XCTAssertFalse(secret.isEmpty)
        XCTAssertTrue(Secret("").isEmpty)
    }

    func testCredentialsNeverShowTheirSecrets() throws {
        let token = "STS-TOKEN-VALUE-xyz"
        let credentials = Credentials(accessKeyId: "LTAIexample", accessKeySecret: Secret(secretText), securityToken: Secret(token))
        var outputs = [
            credentials.description, "\(credentials)", String(reflecting: credentials), String(describing: [credentials]),
            String(describing: Optional(credentials)),
        ]
        var dumped = ""
        dump(credentials, to: &dumped)
        outputs.append(dumped)
        struct Wrapper: Encodable {
            var secret: Secret
            var token: Secret?
        }
        outputs.append(
            String(decoding: try JSONEncoder().encode(Wrapper(secret: credentials.accessKeySecret, token: credentials.securityToken)), as: UTF8.self))
        for output in outputs {
            XCTAssertFalse(output.contains(secretText), output)
            XCTAssertFalse(output.contains(token), output)
        }
        XCTAssertTrue(credentials.description.contains("LTAIexample"))
    }

    func testPreparedSigningKeysShowNothingOfTheKey() {
        for scheme in SignatureScheme.allCases {
            let key = SigningKey(secret: Secret(secretText), scheme: scheme)
            var dumped = ""
            dump(key, to: &dumped)
            for output in [key.description, "\(key)", String(reflecting: key), String(describing: [key]), dumped] {
                XCTAssertFalse(output.contains(secretText), output)
                XCTAssertTrue(output.contains(Secret.redacted), output)
                XCTAssertFalse(output.contains("HMAC") || output.contains("Hasher") || output.contains("state"), output)
            }
            XCTAssertTrue(Mirror(reflecting: key).children.isEmpty)
        }
    }

    func testSecretDecodesTheRealValueAndComparesByValue() throws {
        let decoded = try JSONDecoder().decode([Secret].self, from: Data("[\"abc\"]".utf8))
        XCTAssertEqual(decoded.first?.reveal(), "abc")
        XCTAssertEqual(Secret("a"), Secret("a"))
        XCTAssertNotEqual(Secret("a"), Secret("b"))
        XCTAssertEqual(Set([Secret("a"), Secret("a")]).count, 1)
    }

    func testErrorsNeverCarrySecrets() {
        let errors: [CredentialsError] = [
            .notConfigured(source: "environment", reason: "not set"), .noCredentials(tried: ["a: b"]),
            .unsupportedMode(mode: "RamRoleArn", profile: "p"), .malformedFile(path: "/x", reason: "line 3: bad"),
            .profileNotFound(profile: "p", source: "/x"), .incomplete(source: "environment", missing: "X"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertEqual(error.localizedDescription, error.description)
        }
        XCTAssertTrue(CredentialsError.unsupportedMode(mode: "RamRoleArn", profile: "p").description.contains("RamRoleArn"))
    }
}

/// The redactor knows every spelling a secret takes on its way through a query, a string to sign and JSON.
final class SecretRedactorSpellingTests: XCTestCase {
    func testEverySpellingOfATokenIsRedacted() {
        let token = "CAIS/ab+cd=="
        let redactor = SecretRedactor(
            credentials: Credentials(accessKeyId: "id", accessKeySecret: Secret("s3cr3t/key"), securityToken: Secret(token)))
        let spellings = [
            "CAIS/ab+cd==", "CAIS%2Fab%2Bcd%3D%3D", "CAIS%2fab%2bcd%3d%3d", "CAIS%252Fab%252Bcd%253D%253D",
            "CAIS%25252Fab%25252Bcd%25253D%25253D", "CAIS\\/ab+cd==", "s3cr3t/key", "s3cr3t%252Fkey",
        ]
        for spelling in spellings {
            XCTAssertEqual(redactor.redact("before \(spelling) after"), "before <redacted> after", spelling)
        }
        XCTAssertEqual(redactor.redact("CAIS and ab+cd are harmless"), "CAIS and ab+cd are harmless")
        let dashed = SecretRedactor(credentials: Credentials(accessKeyId: "id", accessKeySecret: Secret("sec-ret~key")))
        XCTAssertEqual(dashed.redact("x sec%2Dret%7Ekey y"), "x <redacted> y", "Foundation's encoding of - and ~")
    }
}
