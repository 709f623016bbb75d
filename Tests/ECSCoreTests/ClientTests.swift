import ECSValidation
import Foundation
import XCTest

@testable import ECSCore

final class ClientTests: XCTestCase {
    func testCallFillsRegionAndSignsV3() async throws {
        let harness = ClientHarness(FakeTransport([.respond(.json(200, ["RequestId": "R1", "Count": 3]))]))
        let result = try await harness.client.call(action: "DescribeImages", parameters: ["ImageId": "m-1"])
        XCTAssertEqual(result, ["RequestId": "R1", "Count": 3])
        let request = try XCTUnwrap(harness.transport.requests.current.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.host, "ecs.test.example")
        XCTAssertEqual(request.url.scheme, "https")
        XCTAssertEqual(harness.transport.query(0), ["ImageId": "m-1", "RegionId": "cn-hangzhou"])
        XCTAssertEqual(request.header("x-acs-action"), "DescribeImages")
        XCTAssertEqual(request.header("x-acs-version"), "2014-05-26")
        XCTAssertEqual(request.header("host"), "ecs.test.example")
        let authorization = try XCTUnwrap(request.header("Authorization"))
        XCTAssertTrue(authorization.hasPrefix("ACS3-HMAC-SHA256 Credential=\(Markers.accessKeyId),"), authorization)
    }

    func testExplicitRegionAndEmptyRegionAreKept() async throws {
        let harness = ClientHarness()
        _ = try await harness.client.call(action: "DescribeImages", parameters: ["RegionId": "eu-central-1"])
        _ = try await harness.client.call(action: "DescribeImages", parameters: ["RegionId": ""])
        XCTAssertEqual(harness.transport.query(0)["RegionId"], "eu-central-1")
        XCTAssertEqual(harness.transport.query(1)["RegionId"], "")
    }

    func testSignatureV1PutsEverythingInTheQuery() async throws {
        let harness = ClientHarness(credentials: Markers.stsCredentials) { $0.signature = .v1 }
        _ = try await harness.client.call(action: "DescribeRegions", parameters: [:])
        let query = harness.transport.query(0)
        XCTAssertEqual(query["Action"], "DescribeRegions")
        XCTAssertEqual(query["AccessKeyId"], Markers.accessKeyId)
        XCTAssertNotNil(query["Signature"])
        XCTAssertEqual(query["SecurityToken"], Markers.token)
    }

    func testSendValidatesFirstAndSendsNothingMalformed() async {
        let harness = ClientHarness()
        do {
            _ = try await harness.client.send(
                action: "ModifyImageAttribute", parameters: ["ImageId": "m-1", "ImageName": "1bad"])
            XCTFail("expected a validation error")
        } catch let error as ValidationError {
            XCTAssertEqual(error.code, "InvalidImageName.Malformed")
            XCTAssertEqual(error.parameter, "ImageName")
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertEqual(harness.transport.count, 0)
    }

    func testSendValidatesTheFilledRegion() async {
        let harness = ClientHarness()
        do {
            _ = try await harness.client.send(action: "DeleteImage", parameters: ["ImageId": "m-1", "RegionId": ""])
            XCTFail("an empty RegionId is a value, not an absence")
        } catch {
            XCTAssertTrue(error is ValidationError, "\(error)")
        }
        _ = try? await harness.client.send(action: "DeleteImage", parameters: ["ImageId": "m-1"])
        XCTAssertEqual(harness.transport.count, 1)
        XCTAssertEqual(harness.transport.query(0)["RegionId"], "cn-hangzhou")
    }

    func testCallDoesNotValidate() async throws {
        let harness = ClientHarness()
        _ = try await harness.client.call(action: "ModifyImageAttribute", parameters: ["ImageId": "m-1", "ImageName": "1bad"])
        XCTAssertEqual(harness.transport.query(0)["ImageName"], "1bad")
    }

    func testDryRunSendsNothingAndRedacts() async throws {
        for scheme in [SignatureScheme.v3, .v1] {
            let harness = ClientHarness(credentials: Markers.stsCredentials) {
                $0.dryRun = true
                $0.signature = scheme
            }
            let result = try await harness.client.send(
                action: "ModifyImageAttribute", parameters: ["ImageId": "m-1", "ImageName": "web-1"])
            XCTAssertEqual(result, ["RequestId": "dry-run", "DryRun": true])
            XCTAssertEqual(harness.transport.count, 0)
            let text = try XCTUnwrap(harness.dryRunTexts.current.first)
            Markers.assertNoSecrets(text)
            XCTAssertTrue(text.hasPrefix("POST https://ecs.test.example/?"), text)
            XCTAssertTrue(text.contains("ImageName=web-1"), text)
            if scheme == .v3 {
                XCTAssertTrue(text.contains("x-acs-security-token: <redacted>"), text)
                XCTAssertTrue(text.contains(",Signature=<redacted>"), text)
                XCTAssertTrue(text.contains("x-acs-action: ModifyImageAttribute"), text)
            } else {
                XCTAssertTrue(text.contains("SecurityToken=<redacted>"), text)
                XCTAssertTrue(text.contains("Signature=<redacted>"), text)
                XCTAssertFalse(text.contains("SignatureNonce=<redacted>"), text)
            }
        }
    }

    func testDryRunStillValidatesAndLetsDescribeThrough() async throws {
        let harness = ClientHarness { $0.dryRun = true }
        do {
            _ = try await harness.client.send(action: "ModifyImageAttribute", parameters: ["ImageId": "m-1", "BootMode": "BIOS2"])
            XCTFail("expected a validation error")
        } catch {
            XCTAssertEqual((error as? ValidationError)?.code, "InvalidBootMode.NotSupport")
        }
        XCTAssertEqual(harness.dryRunTexts.current, [])
        _ = try await harness.client.send(action: "DescribeImages", parameters: [:])
        XCTAssertEqual(harness.transport.count, 1)
        XCTAssertTrue(ClientConfiguration.isMutating(action: "DeleteImage"))
        XCTAssertFalse(ClientConfiguration.isMutating(action: "DescribeRegions"))
    }

    func testDebugLinesDescribeEachExchangeWithoutSecrets() async throws {
        let harness = ClientHarness(
            FakeTransport([
                .respond(.ecsError(503, code: "ServiceUnavailable", message: "echo \(Markers.token)", requestId: "REQ-A")),
                .respond(.json(200, ["RequestId": "REQ-B"])),
            ]), credentials: Markers.stsCredentials)
        _ = try await harness.client.call(action: "DeleteImage", parameters: ["ImageId": "m-1"])
        let lines = harness.debugLines.current
        XCTAssertEqual(lines.count, 5, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("ecs request  DeleteImage attempt=1/4 POST https://ecs.test.example/"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("ecs response DeleteImage attempt=1/4 status=503 code=ServiceUnavailable request-id=REQ-A elapsed="), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("ecs retry    DeleteImage attempt=2/4 after=0.200s"), lines[2])
        XCTAssertTrue(lines[4].hasPrefix("ecs response DeleteImage attempt=2/4 status=200 request-id=REQ-B elapsed="), lines[4])
        for line in lines { Markers.assertNoSecrets(line) }
    }

    func testSecretsNeverAppearInErrors() async {
        let secretEcho = "upstream said \(Markers.secret) and \(Markers.token)"
        let cases: [FakeTransport.Step] = [
            .fail(.transport(secretEcho)),
            .respond(.ecsError(400, code: "SignatureDoesNotMatch", message: secretEcho)),
            .respond(HTTPResponseData(status: 400, body: Data("proxy error: \(secretEcho)".utf8))),
        ]
        for step in cases {
            let harness = ClientHarness(FakeTransport([step]), credentials: Markers.stsCredentials) {
                $0.retry = .never
            }
            do {
                _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
                XCTFail("expected an error")
            } catch {
                let text = "\(error) \(String(reflecting: error))"
                Markers.assertNoSecrets(text)
                XCTAssertTrue(text.contains("<redacted>"), text)
            }
        }
    }

    /// A server may echo the token in any field of its error, not only the message: the code, the request
    /// id (body or header), the host id, the recommend link, and so the --debug line, carried it.
    func testSecretsNeverAppearInAnyFieldOfAServerError() async {
        let echo = "x\(Markers.token)"
        let body: JSONValue = [
            "Code": .string("Invalid.\(echo)"), "Message": .string(echo), "RequestId": .string(echo), "HostId": .string(echo),
            "Recommend": .string("https://x/?t=\(echo)"),
        ]
        let responses: [HTTPResponseData] = [
            .json(400, body),
            HTTPResponseData(status: 502, headers: [("x-acs-request-id", echo)], body: Data("<html>bad gateway</html>".utf8)),
        ]
        for response in responses {
            let harness = ClientHarness(FakeTransport([.respond(response)]), credentials: Markers.stsCredentials) { $0.retry = .never }
            do {
                _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
                XCTFail("expected an error")
            } catch let error as ECSServiceError {
                let fields = [error.code, error.message, error.requestId ?? "", error.hostId ?? "", error.recommend ?? ""]
                for field in fields { Markers.assertNoSecrets(field) }
                XCTAssertEqual(error.requestId, "x<redacted>")
            } catch {
                XCTFail("\(error)")
            }
            for line in harness.debugLines.current { Markers.assertNoSecrets(line) }
        }
    }

    /// Text the server chose is printed on a terminal: its control characters and bidirectional overrides
    /// (which clear the screen, retitle the window, forge lines or reorder text) come out as escapes.
    func testServerTextsComeOutPrintable() {
        let body = #"{"Code": "Bad\u001b[2J", "Message": "a\r\nFAKE: line \u202e", "RequestId": "R\u0007"}"#
        let error = ECSServiceError.parse(status: 400, body: Data(body.utf8))
        XCTAssertEqual(error.code, #"Bad\x1B[2J"#)
        XCTAssertEqual(error.message, #"a\x0D\x0AFAKE: line \u{202E}"#)
        XCTAssertEqual(error.requestId, #"R\x07"#)
        XCTAssertEqual(ServerText.printable("中文 plain"), "中文 plain")
    }

    /// A change that is not idempotent (CopyImage through call) is not sent again after a failure the server
    /// may have acted on (it was sent up to four times, each time possibly copying the image again); with a
    /// ClientToken, after throttling, and for the image changes that are idempotent, it is.
    func testOnlyIdempotentChangesAreSentAgainAfterAnUncertainFailure() async throws {
        let uncertain: [FakeTransport.Step] = [
            .fail(.transport("the server closed the connection")), .fail(.timeout), .respond(.ecsError(503, code: "ServiceUnavailable")),
        ]
        for step in uncertain {
            let copy = ClientHarness(FakeTransport([step]))
            do {
                _ = try await copy.client.call(action: "CopyImage", parameters: ["ImageId": "m-x", "DestinationRegionId": "cn-beijing"])
                XCTFail("expected an error")
            } catch {}
            XCTAssertEqual(copy.transport.count, 1, "\(step)")
            XCTAssertTrue(copy.debugLines.current.contains { $0.contains("not idempotent") }, "\(copy.debugLines.current)")

            let tokened = ClientHarness(FakeTransport([step]))
            _ = try await tokened.client.call(action: "CopyImage", parameters: ["ImageId": "m-x", "ClientToken": "copy-1"])
            XCTAssertEqual(tokened.transport.count, 2)

            let modify = ClientHarness(FakeTransport([step]))
            _ = try await modify.client.call(action: "ModifyImageAttribute", parameters: ["ImageId": "m-x", "Description": "d"])
            XCTAssertEqual(modify.transport.count, 2)
        }
        let throttled = ClientHarness(FakeTransport([.respond(.ecsError(400, code: "Throttling.User"))]))
        _ = try await throttled.client.call(action: "CopyImage", parameters: ["ImageId": "m-x"])
        XCTAssertEqual(throttled.transport.count, 2, "a throttled request was not applied: it is sent again")
        let refused = ClientHarness(FakeTransport([.fail(.transport(ECSClientError.cannotConnect + "Connection refused"))]))
        _ = try await refused.client.call(action: "CopyImage", parameters: ["ImageId": "m-x"])
        XCTAssertEqual(refused.transport.count, 2, "no connection was made: nothing was applied, it is sent again")
    }

    /// --debug named no request id for an answer the Lua path reads itself ("request-id=-"): it now takes the
    /// x-acs-request-id header, redacted like any text a server chose.
    func testDebugLineOfAnUndecodedAnswerNamesItsRequestIdFromTheHeader() async throws {
        for (header, shown) in [("REQ-HEADER-1", "REQ-HEADER-1"), ("R-\(Markers.token)", "R-<redacted>")] {
            let answer = HTTPResponseData(status: 200, headers: [("x-acs-request-id", header)], body: Data("{}".utf8))
            let harness = ClientHarness(FakeTransport([.respond(answer)]), credentials: Markers.stsCredentials)
            _ = try await harness.client.callReturningBody(action: "DescribeImages", parameters: [:])
            let line = try XCTUnwrap(harness.debugLines.current.first { $0.hasPrefix("ecs response") })
            XCTAssertTrue(line.contains("request-id=\(shown) "), line)
        }
    }

    func testConfigurationAndCredentialsNeverShowSecrets() {
        let configuration = ClientConfiguration(credentials: Markers.stsCredentials)
        Markers.assertNoSecrets(String(describing: configuration))
        Markers.assertNoSecrets(String(reflecting: configuration))
        var dumped = ""
        dump(configuration, to: &dumped)
        Markers.assertNoSecrets(dumped)
    }

    func testMissingCredentialsFailBeforeSending() async {
        let harness = ClientHarness(credentials: StaticCredentialsProvider(accessKeyId: "AK", accessKeySecret: ""))
        do {
            _ = try await harness.client.call(action: "DescribeImages", parameters: [:])
            XCTFail("expected noCredentials")
        } catch let error as ECSClientError {
            guard case .noCredentials(let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("static"), detail)
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertEqual(harness.transport.count, 0)
    }

    func testPlainHTTPNeedsInsecureExceptOnLoopback() async throws {
        let refused = ClientHarness { $0.endpoint = "http://203.0.113.7:8080" }
        do {
            _ = try await refused.client.call(action: "DescribeImages", parameters: [:])
            XCTFail("expected insecureEndpoint")
        } catch let error as ECSClientError {
            guard case .insecureEndpoint = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(refused.transport.count, 0)

        let allowed = ClientHarness {
            $0.endpoint = "http://203.0.113.7:8080"
            $0.insecure = true
        }
        _ = try await allowed.client.call(action: "DescribeImages", parameters: [:])
        _ = try await allowed.client.call(action: "DescribeImages", parameters: [:])
        XCTAssertEqual(allowed.transport.requests.current.first?.url.port, 8080)
        XCTAssertEqual(allowed.transport.requests.current.first?.header("host"), "203.0.113.7:8080")
        XCTAssertEqual(allowed.warnings.current.count, 1)
        // The sink frames the text (`ecsh: warning: ...`); the text itself does not say "warning" again.
        XCTAssertTrue(allowed.warnings.current.first?.hasPrefix("sending requests over plain HTTP to http://203.0.113.7:8080") == true,
                      "\(allowed.warnings.current)")

        let loopback = ClientHarness { $0.endpoint = "http://127.0.0.1:9" }
        _ = try await loopback.client.call(action: "DescribeImages", parameters: [:])
        XCTAssertEqual(loopback.warnings.current, [])
    }

    func testShutdownReachesTheTransport() async {
        let harness = ClientHarness()
        await harness.client.shutdown()
        XCTAssertEqual(harness.transport.shutdowns.current, 1)
    }

    // MARK: typed operations

    func testTypedModifyImageAttributeGoesThroughSend() async throws {
        let harness = ClientHarness(FakeTransport([.respond(.json(200, ["RequestId": "R-M"]))]))
        let response = try await harness.client.modifyImageAttribute(
            .init(imageId: "m-1", imageName: "web-2", features: .init(imdsSupport: "v2", nvmeSupport: "supported")))
        XCTAssertEqual(response, RequestIdResponse(requestId: "R-M"))
        XCTAssertEqual(
            harness.transport.query(0),
            [
                "ImageId": "m-1", "ImageName": "web-2", "Features.ImdsSupport": "v2",
                "Features.NvmeSupport": "supported", "RegionId": "cn-hangzhou",
            ])
        do {
            _ = try await harness.client.modifyImageAttribute(.init(imageId: "m-1", features: .init(imdsSupport: "v3")))
            XCTFail("expected a validation error")
        } catch {
            XCTAssertEqual((error as? ValidationError)?.code, "InvalidParameter.FeaturesImdsSupport")
        }
        XCTAssertEqual(harness.transport.count, 1)
    }

    func testEveryTypedOperationSendsItsAction() async throws {
        let harness = ClientHarness(FakeTransport(fallback: { request in
            let action = request.header("x-acs-action") ?? "?"
            switch action {
            case "DescribeRegions":
                return .json(200, ["RequestId": "R", "Regions": ["Region": [["RegionId": "cn-hangzhou"]]]])
            case "DescribeImageFromFamily":
                return .json(200, ["RequestId": "R", "Image": ["ImageId": "m-fam"]])
            case "DescribeImageSharePermission":
                return .json(200, ["RequestId": "R", "Accounts": ["Account": [["AliyunId": "1"]]]])
            default:
                return .json(200, ["RequestId": .string(action)])
            }
        }))
        let client = harness.client
        let regions = try await client.describeRegions()
        XCTAssertEqual(regions.regions.map(\.regionId), ["cn-hangzhou"])
        let family = try await client.describeImageFromFamily(.init(imageFamily: "web"))
        XCTAssertEqual(family.image?.imageId, "m-fam")
        let shares = try await client.describeImageSharePermission(.init(imageId: "m-1"))
        XCTAssertEqual(shares.accounts.map(\.aliyunId), ["1"])
        let share = try await client.modifyImageSharePermission(.init(imageId: "m-1", addAccounts: ["1234567890123456"]))
        XCTAssertEqual(share.requestId, "ModifyImageSharePermission")
        let deleted = try await client.deleteImage(.init(imageId: "m-1"))
        XCTAssertEqual(deleted.requestId, "DeleteImage")
        let actions = harness.transport.requests.current.compactMap { $0.header("x-acs-action") }
        XCTAssertEqual(
            actions,
            ["DescribeRegions", "DescribeImageFromFamily", "DescribeImageSharePermission", "ModifyImageSharePermission", "DeleteImage"])
        XCTAssertEqual(harness.transport.query(3)["AddAccount.1"], "1234567890123456")
    }

    func testPaginatorWalksEveryPage() async throws {
        let all = (1...5).map { "m-\($0)" }
        let harness = ClientHarness(FakeTransport(fallback: { request in
            let query = WireQuery.parse(request.url.query ?? "")
            let number = Int(query["PageNumber"] ?? "1")!
            let size = Int(query["PageSize"] ?? "10")!
            let slice = all.dropFirst((number - 1) * size).prefix(size)
            return .json(200, [
                "RequestId": "R", "TotalCount": 5, "PageNumber": .int(Int64(number)), "PageSize": .int(Int64(size)),
                "Images": ["Image": .array(slice.map { ["ImageId": .string($0)] })],
            ])
        }))
        var seen: [String] = []
        for try await image in harness.client.images(.init(status: "Available", pageSize: 2)) {
            seen.append(image.imageId ?? "")
        }
        XCTAssertEqual(seen, all)
        XCTAssertEqual(harness.transport.count, 3)
        XCTAssertEqual((0..<3).map { harness.transport.query($0)["PageNumber"] }, ["1", "2", "3"])
        XCTAssertEqual(harness.transport.query(0)["Status"], "Available")

        var count = 0
        for try await _ in harness.client.images(.init(pageSize: 500)) { count += 1 }
        XCTAssertEqual(count, 5)
        XCTAssertEqual(harness.transport.query(3)["PageSize"], "100")
        XCTAssertEqual(harness.transport.count, 4)
    }

    /// A server that pages by fewer than asked (2 of the 100 asked for): TotalCount, not the short page,
    /// says when the listing ends (the paginator stopped after the first page, dropping the rest).
    func testPaginatorFollowsTotalCountPastShortPages() async throws {
        let all = (1...5).map { "m-\($0)" }
        let harness = ClientHarness(FakeTransport(fallback: { request in
            let number = Int(WireQuery.parse(request.url.query ?? "")["PageNumber"] ?? "1")!
            let slice = all.dropFirst((number - 1) * 2).prefix(2)
            return .json(200, ["RequestId": "R", "TotalCount": 5, "Images": ["Image": .array(slice.map { ["ImageId": .string($0)] })]])
        }))
        var seen: [String] = []
        for try await image in harness.client.images(.init(pageSize: 100)) { seen.append(image.imageId ?? "") }
        XCTAssertEqual(seen, all)
        XCTAssertEqual(harness.transport.count, 3)
        // Without TotalCount a short page is the last; an empty page always is.
        XCTAssertTrue(ImagePaginator.isLastPage(count: 2, pageSize: 100, listedThrough: 2, total: nil))
        XCTAssertFalse(ImagePaginator.isLastPage(count: 100, pageSize: 100, listedThrough: 100, total: nil))
        XCTAssertTrue(ImagePaginator.isLastPage(count: 0, pageSize: 100, listedThrough: 40, total: 90))
        XCTAssertFalse(ImagePaginator.isLastPage(count: 2, pageSize: 100, listedThrough: 4, total: 5))
        XCTAssertTrue(ImagePaginator.isLastPage(count: 1, pageSize: 100, listedThrough: 5, total: 5))
    }

    func testPaginatorStopsOnEmptyPage() async throws {
        let harness = ClientHarness(FakeTransport(fallback: { _ in .json(200, ["RequestId": "R", "TotalCount": 0]) }))
        var count = 0
        for try await _ in harness.client.images() { count += 1 }
        XCTAssertEqual(count, 0)
        XCTAssertEqual(harness.transport.count, 1)
    }
}
