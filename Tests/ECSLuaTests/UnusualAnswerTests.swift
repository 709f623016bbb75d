import ECSCore
import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

/// Answers a real server would not give, from a transport that gives them: the `ecs` functions raise
/// catchable error objects and say what the failure means for a change.
final class UnusualAnswerTests: XCTestCase {
    /// Gives every request the same answer, or the same failure.
    final class FixedTransport: HTTPTransport, @unchecked Sendable {
        let answer: Result<HTTPResponseData, ECSClientError>
        init(_ answer: Result<HTTPResponseData, ECSClientError>) { self.answer = answer }
        func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData { try answer.get() }
        func shutdown() async {}
    }

    private func run(_ chunk: String, answer: Result<HTTPResponseData, ECSClientError>) throws -> LuaValue {
        var configuration = ClientConfiguration(
            credentials: StaticCredentialsProvider(accessKeyId: "id", accessKeySecret: "secret"),
            endpoint: "http://127.0.0.1:9", retry: .never, rate: nil)
        configuration.region = "cn-hangzhou"
        let context = ECSContext(
            configuration: configuration, transport: FixedTransport(answer), output: { _ in }, errorOutput: { _ in }, isTerminal: false)
        defer { context.shutdown() }
        let state = try LuaState()
        try ECSModule.register(in: state, context: context)
        return try state.run(chunk, name: "=test").first ?? .nil
    }

    private static func ok(_ body: String) -> Result<HTTPResponseData, ECSClientError> {
        .success(HTTPResponseData(status: 200, headers: [], body: Data(body.utf8)))
    }

    /// A 200 whose JSON is a bare value crashed the process (SIGSEGV) in the functions that look a member
    /// up in the answer; an array was taken for an answer. Each is now a Client.Decoding error object.
    func testAnAnswerThatIsNotAJSONObjectIsADecodingError() throws {
        let calls = [
            "ecs.image('m-bp1abc')", "ecs.images{}()", "ecs.image_from_family{ ImageFamily = 'web-prod' }",
            "ecs.describe_images{}", "ecs.call('DescribeImages')",
            "ecs.wait_image{ ImageId = 'm-bp1abc', Status = 'Available', timeout = 1 }",
        ]
        for body in [#""hello""#, "42", "null", "true", "[1, 2, 3]", " [ ]"] {
            for call in calls {
                let v = try run("local ok, err = pcall(function() return \(call) end) return { ok = ok, code = err and err.code }", answer: Self.ok(body))
                XCTAssertEqual(v["ok"], false, "\(call) on \(body)")
                XCTAssertEqual(v["code"], "Client.Decoding", "\(call) on \(body)")
            }
        }
    }

    /// A change whose request may have reached the server says that it may or may not have been applied; a
    /// change the server accepted but whose answer could not be read says it was most likely applied.
    func testAFailedChangeSaysWhetherItMayHaveBeenApplied() throws {
        let change = "local ok, err = pcall(ecs.modify_image_attribute, { ImageId = 'm-bp1abc', Description = 'a new description' }) return err.message"
        let closed = try run(change, answer: .failure(.transport("the server closed the connection")))
        XCTAssertEqual(closed, "transport failure: the server closed the connection; ModifyImageAttribute may or may not have been applied")
        let timedOut = try run(change, answer: .failure(.timeout))
        XCTAssertEqual(timedOut, "no response within the read timeout; ModifyImageAttribute may or may not have been applied")
        let unreadable = try run(change, answer: Self.ok("{oops"))
        XCTAssertTrue(unreadable.stringValue?.hasSuffix("; the server accepted ModifyImageAttribute (HTTP 2xx), so it was most likely applied") == true, "\(unreadable)")
        let refused = try run(change, answer: .failure(.transport(ECSClientError.cannotConnect + "Connection refused")))
        XCTAssertEqual(refused, "transport failure: cannot connect: Connection refused", "nothing reached the server: no note")
        let corrupt = try run(change, answer: .failure(.decoding("the answer's compressed body is corrupt")))
        XCTAssertTrue(corrupt.stringValue?.hasSuffix("; ModifyImageAttribute may or may not have been applied") == true,
                      "a body the transport could not read says nothing of the status: \(corrupt)")
        let read = try run("local ok, err = pcall(ecs.describe_images, {}) return err.message", answer: .failure(.timeout))
        XCTAssertEqual(read, "no response within the read timeout", "a read changes nothing: no note")
    }
}
