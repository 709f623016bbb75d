import ECSValidation
import XCTest

/// Asserts that `rule` accepts every value of `accepted` and rejects every value of `rejected` with
/// the expected code, naming `parameter`, and a message that quotes the value's start.
func assertRule(
    _ rule: (String) -> ValidationError?, parameter: String,
    accepts accepted: [String], rejects rejected: [(value: String, code: String)],
    file: StaticString = #filePath, line: UInt = #line
) {
    for value in accepted {
        if let error = rule(value) {
            XCTFail("expected \(debug(value)) to be accepted, got \(error)", file: file, line: line)
        }
    }
    for (value, code) in rejected {
        guard let error = rule(value) else {
            XCTFail("expected \(debug(value)) to be rejected with \(code)", file: file, line: line)
            continue
        }
        XCTAssertEqual(error.code, code, "for \(debug(value))", file: file, line: line)
        XCTAssertEqual(error.parameter, parameter, "for \(debug(value))", file: file, line: line)
        XCTAssertEqual(error.httpStatus, ErrorCatalog.httpStatus(for: code), file: file, line: line)
        XCTAssertTrue(error.message.hasPrefix(parameter + " \""), "message: \(error.message)", file: file, line: line)
    }
}

/// Asserts that `validate(action:parameters:)` fails with `code` on `parameter`.
func assertRequest(
    _ action: String, _ parameters: [String: String], fails code: String, on parameter: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    guard let error = RequestValidator.validate(action: action, parameters: parameters) else {
        XCTFail("expected \(action) \(parameters) to fail with \(code)", file: file, line: line)
        return
    }
    XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
    XCTAssertEqual(error.parameter, parameter, "\(error)", file: file, line: line)
    XCTAssertEqual(error.httpStatus, ErrorCatalog.httpStatus(for: code), file: file, line: line)
}

/// Asserts that `validate(action:parameters:)` accepts `parameters`.
func assertRequest(
    _ action: String, _ parameters: [String: String], passes: Void = (),
    file: StaticString = #filePath, line: UInt = #line
) {
    if let error = RequestValidator.validate(action: action, parameters: parameters) {
        XCTFail("expected \(action) \(parameters) to pass, got \(error)", file: file, line: line)
    }
}

/// A value shown with escapes and its length, for failure messages.
func debug(_ value: String) -> String {
    let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
    return "\(shown.debugDescription) (\(value.unicodeScalars.count) scalars)"
}

/// `count` copies of `piece`.
func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }
