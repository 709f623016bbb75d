import ECSValidation
import Foundation
import XCTest

@testable import ECSCore

final class ErrorParsingTests: XCTestCase {
    private func body(_ text: String) -> Data { Data(text.utf8) }

    func testFullDocumentedBodyFillsEveryField() {
        let text = """
            {"RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E", "HostId": "ecs.aliyuncs.com",
             "Code": "InvalidImageName.Duplicated", "Message": "The specified Image name has already bean used.",
             "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidImageName.Duplicated&product=Ecs"}
            """
        let error = ECSServiceError.parse(status: 400, body: body(text), action: "ModifyImageAttribute")
        XCTAssertEqual(error.code, "InvalidImageName.Duplicated")
        XCTAssertEqual(error.message, "The specified Image name has already bean used.")
        XCTAssertEqual(error.httpStatus, 400)
        XCTAssertEqual(error.requestId, "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E")
        XCTAssertEqual(error.hostId, "ecs.aliyuncs.com")
        XCTAssertEqual(error.recommend, "https://api.aliyun.com/troubleshoot?q=InvalidImageName.Duplicated&product=Ecs")
        XCTAssertEqual(error.action, "ModifyImageAttribute")
        XCTAssertFalse(error.retryable)
        XCTAssertEqual(
            error.description,
            "InvalidImageName.Duplicated (HTTP 400): The specified Image name has already bean used. "
                + "[RequestId: 473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E]")
    }

    func testMissingFieldsAreTolerated() {
        let error = ECSServiceError.parse(status: 404, body: body(#"{"Code": "InvalidImageId.NotFound"}"#))
        XCTAssertEqual(error.code, "InvalidImageId.NotFound")
        XCTAssertEqual(error.message, "Not Found")
        XCTAssertNil(error.requestId)
        XCTAssertNil(error.hostId)
        XCTAssertNil(error.recommend)
        XCTAssertEqual(error.description, "InvalidImageId.NotFound (HTTP 404): Not Found")
    }

    func testMessageWithoutCodeBecomesUnknownError() {
        let error = ECSServiceError.parse(status: 400, body: body(#"{"RequestId": "R1", "Message": "bad"}"#))
        XCTAssertEqual(error.code, "UnknownError")
        XCTAssertEqual(error.message, "bad")
        XCTAssertEqual(error.requestId, "R1")
    }

    func testNonJSONBodyBecomesUnknownErrorWithStatus() {
        let error = ECSServiceError.parse(status: 502, body: body("<html><body>Bad gateway</body></html>"))
        XCTAssertEqual(error.code, "UnknownError")
        XCTAssertEqual(error.httpStatus, 502)
        XCTAssertTrue(error.message.hasPrefix("Bad Gateway: <html>"), error.message)
        XCTAssertTrue(error.retryable)
    }

    func testEmptyBodyBecomesUnknownErrorWithReasonPhrase() {
        let error = ECSServiceError.parse(status: 503, body: Data())
        XCTAssertEqual(error.code, "UnknownError")
        XCTAssertEqual(error.message, "Service Unavailable")
        XCTAssertTrue(error.retryable)
        let notFound = ECSServiceError.parse(status: 418, body: Data())
        XCTAssertEqual(notFound.message, "HTTP status 418")
        XCTAssertFalse(notFound.retryable)
    }

    func testJSONThatIsNotAnObjectBecomesUnknownError() {
        let error = ECSServiceError.parse(status: 400, body: body(#"["Code", "x"]"#))
        XCTAssertEqual(error.code, "UnknownError")
        XCTAssertEqual(error.httpStatus, 400)
    }

    func testLowerCaseKeysAndNumericRequestId() {
        let error = ECSServiceError.parse(
            status: 400, body: body(#"{"code": "InvalidParameter", "message": "m", "requestId": 42}"#))
        XCTAssertEqual(error.code, "InvalidParameter")
        XCTAssertEqual(error.message, "m")
        XCTAssertEqual(error.requestId, "42")
    }

    func testNestedErrorObject() {
        let error = ECSServiceError.parse(
            status: 403, body: body(#"{"RequestId": "R9", "Error": {"Code": "Forbidden.RAM", "Message": "denied"}}"#))
        XCTAssertEqual(error.code, "Forbidden.RAM")
        XCTAssertEqual(error.message, "denied")
        XCTAssertEqual(error.requestId, "R9")
    }

    func testXMLErrorBodyFillsEveryField() {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error>
              <RequestId>R-XML-1</RequestId>
              <HostId>ecs.aliyuncs.com</HostId>
              <Code>Forbidden.RAM</Code>
              <Message>User not authorized to operate on the specified resource &amp; action &lt;ecs:ModifyImageAttribute&gt; &#x4E2D;</Message>
              <Recommend>https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&amp;product=Ecs</Recommend>
              <AccessDeniedDetail><PolicyType>AccountLevelIdentityBasedPolicy</PolicyType></AccessDeniedDetail>
            </Error>
            """
        let error = ECSServiceError.parse(status: 403, body: body(text), action: "ModifyImageAttribute")
        XCTAssertEqual(error.code, "Forbidden.RAM")
        XCTAssertEqual(
            error.message, "User not authorized to operate on the specified resource & action <ecs:ModifyImageAttribute> 中")
        XCTAssertEqual(error.requestId, "R-XML-1")
        XCTAssertEqual(error.hostId, "ecs.aliyuncs.com")
        XCTAssertEqual(error.recommend, "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ecs")
        XCTAssertEqual(error.httpStatus, 403)
        XCTAssertFalse(error.retryable)
    }

    func testXMLErrorBodyWithoutDeclarationAndWithMissingFields() {
        let error = ECSServiceError.parse(
            status: 503, body: body("<Error><Code>ServiceUnavailable</Code></Error>"),
            headers: [("x-acs-request-id", "HDR")])
        XCTAssertEqual(error.code, "ServiceUnavailable")
        XCTAssertEqual(error.message, "Service Unavailable")
        XCTAssertEqual(error.requestId, "HDR")
        XCTAssertTrue(error.retryable)
    }

    func testXMLThatIsNotAnErrorDocumentStaysUnknown() {
        for text in ["<Response><Code>X</Code></Response>", "<Error><Code>X</Code>", "<html><Error>x</Error></html>"] {
            let error = ECSServiceError.parse(status: 500, body: body(text))
            XCTAssertEqual(error.code, "UnknownError", text)
            XCTAssertTrue(error.message.hasPrefix("Internal Server Error: <"), error.message)
        }
    }

    func testEntityDecodingLeavesUnknownEntitiesAndBareAmpersands() {
        XCTAssertEqual(XMLErrorBody.decodeEntities("a &unknown; b & c &#65;&#x42;&quot;&apos;"), "a &unknown; b & c AB\"'")
        XCTAssertEqual(XMLErrorBody.decodeEntities("&#xFFFFFFFF; &#1114112;"), "&#xFFFFFFFF; &#1114112;")
    }

    /// The error examples recorded with the signing vectors (`response_examples` in `signatures.json`),
    /// read at test time: status, headers and body as the official SDK's loopback check saw them.
    func testRecordedErrorExamplesFromTheVectorFile() throws {
        let url =
            Bundle.module.url(forResource: "Resources/signatures", withExtension: "json")
            ?? Bundle.module.resourceURL!.appendingPathComponent("Resources/signatures.json")
        let file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let examples = try XCTUnwrap(file["response_examples"] as? [String: Any])
        var checked = 0
        for name in ["error_not_found", "error_throttling"] {
            let example = try XCTUnwrap(examples[name] as? [String: Any], name)
            let status = try XCTUnwrap(example["http_status"] as? Int)
            let fields = try XCTUnwrap(example["body"] as? [String: String])
            let headers = (example["extra_response_headers"] as? [String: String] ?? [:]).map { (name: $0.key, value: $0.value) }
            let error = ECSServiceError.parse(
                status: status, body: try JSONSerialization.data(withJSONObject: fields), headers: headers)
            XCTAssertEqual(error.code, fields["Code"], name)
            XCTAssertEqual(error.message, fields["Message"], name)
            XCTAssertEqual(error.requestId, fields["RequestId"], name)
            XCTAssertEqual(error.hostId, fields["HostId"], name)
            XCTAssertEqual(error.recommend, fields["Recommend"], name)
            XCTAssertEqual(error.httpStatus, status, name)
            XCTAssertEqual(error.retryAfterMilliseconds, headers.first.flatMap { Int($0.value) }, name)
            XCTAssertEqual(error.retryable, name == "error_throttling", name)
            checked += 1
        }
        XCTAssertEqual(checked, 2)
    }

    func testHeadersGiveRetryAfterAndRequestIdFallback() {
        let error = ECSServiceError.parse(
            status: 400, body: body(#"{"Code": "Throttling.User", "Message": "Request was denied due to user flow control."}"#),
            headers: [("X-Acs-Retry-After", "1500"), ("x-acs-request-id", "HDR-ID")])
        XCTAssertEqual(error.retryAfterMilliseconds, 1500)
        XCTAssertEqual(error.requestId, "HDR-ID")
        XCTAssertTrue(error.isThrottling)
        XCTAssertTrue(error.retryable)
    }

    func testEveryDocumentedCodeIsParsedAndClassified() {
        let documented: [(String, Int)] = [
            ("InvalidImageName.Malformed", 400), ("MissingParameter", 400), ("InvalidImageName.Duplicated", 400),
            ("InvalidDescription.Malformed", 400), ("ImageQuotaFull.ImageFamily", 400),
            ("InvalidImageFamily.Malformed", 400), ("ImageFamilyQuotaFull", 400), ("InvalidBootMode.NotSupport", 400),
            ("InvalidLicenseType.NotSupported", 400), ("InvalidParameter.FeaturesImdsSupport", 400),
            ("ImageStatus.NotAvailable", 403), ("ImageStatus.NotDeprecated", 403), ("ImageUseShared", 403),
            ("OperationDeined.ImageUsingByInstance", 403), ("InvalidOperation.FeaturesImdsSupportNotMatch", 403),
            ("InvalidStatus.ImageIsCreating", 403), ("InvalidImageId.NotFound", 404),
            ("SignatureDoesNotMatch", 400), ("IncompleteSignature", 400), ("InvalidAccessKeyId.NotFound", 404),
            ("InvalidTimeStamp.Expired", 400), ("SignatureNonceUsed", 400), ("Forbidden.RAM", 403),
            ("Throttling.User", 400), ("InvalidParameter", 400), ("InvalidRegionId.MalFormed", 400),
            ("InvalidRegionId.NotFound", 404), ("InvalidAction.NotFound", 404), ("DryRunOperation", 400),
            ("ServiceUnavailable", 503), ("InternalError", 500),
        ]
        let retryable: Set<String> = ["Throttling.User", "ServiceUnavailable", "InternalError"]
        for (code, status) in documented {
            let text = #"{"RequestId":"R","HostId":"ecs.aliyuncs.com","Code":"\#(code)","Message":"m","Recommend":"u"}"#
            let error = ECSServiceError.parse(status: status, body: body(text))
            XCTAssertEqual(error.code, code)
            XCTAssertEqual(error.httpStatus, status)
            XCTAssertEqual(error.retryable, retryable.contains(code), code)
        }
    }

    func testClassificationInOnePlace() {
        XCTAssertTrue(RetryClassification.isRetryable(code: "Throttling", httpStatus: 400))
        XCTAssertTrue(RetryClassification.isRetryable(code: "Throttling.Api", httpStatus: 400))
        XCTAssertTrue(RetryClassification.isRetryable(code: "ThrottlingException", httpStatus: 400), "any Throttling* code")
        XCTAssertFalse(RetryClassification.isRetryable(code: "NotThrottling", httpStatus: 400))
        XCTAssertTrue(RetryClassification.isRetryable(code: "TooManyRequests", httpStatus: 429), "429 is throttling")
        for status in [500, 501, 502, 503, 504, 505, 599] {
            XCTAssertTrue(RetryClassification.isRetryable(code: "Whatever", httpStatus: status), "\(status)")
        }
        for status in [400, 403, 404, 499, 600] {
            XCTAssertFalse(RetryClassification.isRetryable(code: "Whatever", httpStatus: status), "\(status)")
        }
        XCTAssertTrue(ECSClientError.timeout.retryable)
        XCTAssertTrue(ECSClientError.transport("reset").retryable)
        XCTAssertFalse(ECSClientError.decoding("x").retryable)
        XCTAssertFalse(ECSClientError.noCredentials("x").retryable)
        XCTAssertFalse(ECSClientError.insecureEndpoint("x").retryable)
        XCTAssertFalse(ECSClientError.cancelled.retryable)
        XCTAssertFalse(RetryClassification.isRetryable(CocoaError(.fileNoSuchFile)))
    }

    func testEveryErrorKindSpeaksTheECSErrorProtocol() {
        let errors: [any ECSError] = [
            ECSServiceError(code: "Throttling.User", message: "slow down", httpStatus: 400),
            ECSClientError.timeout,
            ValidationError(code: "InvalidImageName.Malformed", parameter: "ImageName", message: "bad", httpStatus: 400),
        ]
        XCTAssertEqual(errors.map(\.code), ["Throttling.User", "Client.Timeout", "InvalidImageName.Malformed"])
        XCTAssertEqual(errors.map(\.retryable), [true, true, false])
        XCTAssertEqual(errors.map(\.message), ["slow down", "no response within the read timeout", "bad"])
    }

    func testClientErrorDescriptions() {
        XCTAssertEqual(ECSClientError.timeout.description, "Client.Timeout: no response within the read timeout")
        XCTAssertEqual(
            ECSClientError.transport("connection refused").description,
            "Client.Transport: transport failure: connection refused")
        XCTAssertEqual(
            ECSClientError.insecureEndpoint("http://10.0.0.1").description,
            "Client.InsecureEndpoint: refusing plain HTTP: http://10.0.0.1 (use --insecure to allow it)")
    }
}
