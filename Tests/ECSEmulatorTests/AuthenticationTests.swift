import ECSCore
import Foundation
import Testing

@testable import ECSEmulator

/// Signature presence, access keys, clock skew, both signature schemes, nonces, actions and RAM.
@Suite struct AuthenticationTests {
    let describe = ["RegionId": "cn-hangzhou"]

    @Test(arguments: [SignatureScheme.v3, .v1])
    func bothSchemesAreAccepted(_ scheme: SignatureScheme) {
        let harness = EmulatorHarness()
        let response = harness.call("DescribeImages", describe, scheme: scheme)
        #expect(response.status == 200, "\(response.body)")
        #expect(response.jsonObject?["RegionId"] as? String == "cn-hangzhou")
    }

    @Test func spacesAndSymbolsVerifyAfterCanonicalReEncoding() throws {
        let harness = EmulatorHarness()
        for scheme in [SignatureScheme.v3, .v1] {
            let response = try harness.modify("web-prod-v1", ["Description": "desc with spaces & symbols: *~+/=% 中文 \(scheme)"])
            #expect(response.status == 200, "\(response.body)")
            _ = scheme
        }
        let signed = EmulatorHarness.signed("DescribeImages", ["RegionId": "cn-hangzhou", "ImageName": "a b"], date: harness.now)
        var request = EmulatorHarness.emulatorRequest(signed)
        request.query = request.query.replacingOccurrences(of: "+", with: "%20")
        #expect(harness.handler.handle(request, now: harness.now).status == 200)
    }

    @Test func v1ParametersMayTravelInAFormBody() {
        let harness = EmulatorHarness()
        let body = "RegionId=cn-hangzhou&ImageName=web-prod&Status=Available%2CDeprecated"
        let signed = EmulatorHarness.signed("DescribeImages", [:], scheme: .v1, date: harness.now, body: body)
        let response = harness.handler.handle(EmulatorHarness.emulatorRequest(signed), now: harness.now)
        #expect(response.status == 200, "\(response.body)")
        #expect(response.jsonObject?["TotalCount"] as? Int == 5)
    }

    @Test func v3ParametersMayTravelInAFormBody() {
        let harness = EmulatorHarness()
        let body = "ImageName=web-prod&Status=Available"
        let signed = EmulatorHarness.signed("DescribeImages", ["RegionId": "cn-hangzhou"], date: harness.now, body: body)
        let response = harness.handler.handle(EmulatorHarness.emulatorRequest(signed), now: harness.now)
        #expect(response.status == 200, "\(response.body)")
        #expect(response.jsonObject?["TotalCount"] as? Int == 5)
    }

    @Test func headerNamesDifferingInCaseResolveTheSameWayEveryTime() {
        for _ in 0..<20 {
            let request = EmulatorRequest(method: "POST", headers: ["x-acs-date": "lower", "X-Acs-Date": "upper", "Host": "h"])
            #expect(request.headers["x-acs-date"] == "upper")
            #expect(request.headers["host"] == "h")
        }
    }

    @Test func unsignedRequestIsIncomplete() {
        let harness = EmulatorHarness()
        let request = EmulatorRequest(method: "GET", query: "Action=DescribeRegions&Version=2014-05-26")
        let response = harness.handler.handle(request, now: harness.now)
        #expect(response.errorCode == "IncompleteSignature")
        #expect(response.status == 400)
        let garbled = EmulatorRequest(method: "POST", headers: ["Authorization": "ACS3-HMAC-SHA256 nonsense"])
        #expect(harness.handler.handle(garbled, now: harness.now).errorCode == "IncompleteSignature")
    }

    @Test(arguments: [SignatureScheme.v3, .v1])
    func unknownAccessKeyIsNotFound(_ scheme: SignatureScheme) {
        let response = EmulatorHarness().call("DescribeRegions", key: "nobody", secret: "x", scheme: scheme)
        #expect(response.errorCode == "InvalidAccessKeyId.NotFound")
        #expect(response.status == 404)
    }

    @Test(arguments: [SignatureScheme.v3, .v1])
    func wrongSecretQuotesTheServerStringToSign(_ scheme: SignatureScheme) {
        let harness = EmulatorHarness()
        let response = harness.call("DescribeRegions", secret: "wrong-secret", scheme: scheme)
        #expect(response.errorCode == "SignatureDoesNotMatch")
        #expect(response.status == 400)
        let message = response.jsonObject?["Message"] as? String ?? ""
        #expect(message.hasPrefix("Specified signature is not matched with our calculation. server string to sign is:"))
        #expect(message.contains(scheme == .v3 ? "ACS3-HMAC-SHA256\n" : "POST&%2F&"))
    }

    @Test func tamperedParameterFailsVerification() {
        let harness = EmulatorHarness()
        let signed = EmulatorHarness.signed("DescribeImages", ["RegionId": "cn-hangzhou"], date: harness.now)
        var request = EmulatorHarness.emulatorRequest(signed)
        request.query += "&PageSize=50"
        #expect(harness.handler.handle(request, now: harness.now).errorCode == "SignatureDoesNotMatch")
    }

    @Test(arguments: [SignatureScheme.v3, .v1])
    func clockSkewOverFifteenMinutesIsExpired(_ scheme: SignatureScheme) {
        let harness = EmulatorHarness()
        for offset: TimeInterval in [-16 * 60, 16 * 60] {
            let signed = EmulatorHarness.signed("DescribeRegions", [:], scheme: scheme, date: harness.now.addingTimeInterval(offset))
            let response = harness.handler.handle(EmulatorHarness.emulatorRequest(signed), now: harness.now)
            #expect(response.errorCode == "InvalidTimeStamp.Expired")
            #expect(response.status == 400)
        }
        let close = EmulatorHarness.signed("DescribeRegions", [:], scheme: scheme, date: harness.now.addingTimeInterval(-14 * 60))
        #expect(harness.handler.handle(EmulatorHarness.emulatorRequest(close), now: harness.now).status == 200)
    }

    @Test(arguments: [SignatureScheme.v3, .v1])
    func reusedNonceIsRefusedWithinTheWindow(_ scheme: SignatureScheme) {
        let harness = EmulatorHarness()
        #expect(harness.call("DescribeRegions", scheme: scheme, nonce: "fixed-nonce-1").status == 200)
        let replay = harness.call("DescribeRegions", scheme: scheme, nonce: "fixed-nonce-1")
        #expect(replay.errorCode == "SignatureNonceUsed")
        #expect(replay.status == 400)
        // Kept for twice the allowed skew: a request dated 15 minutes ahead is acceptable for 30 minutes.
        harness.now = harness.now.addingTimeInterval(16 * 60)
        #expect(harness.call("DescribeRegions", scheme: scheme, nonce: "fixed-nonce-1").errorCode == "SignatureNonceUsed")
        harness.now = harness.now.addingTimeInterval(15 * 60)
        #expect(harness.call("DescribeRegions", scheme: scheme, nonce: "fixed-nonce-1").status == 200)
    }

    /// A request dated 14.5 minutes ahead, replayed byte for byte 15 minutes later, is still within the skew:
    /// its nonce must still be remembered (it was forgotten after 15 minutes, and the replay ran).
    @Test(arguments: [SignatureScheme.v3, .v1])
    func exactReplayOfAFutureDatedRequestIsRefused(_ scheme: SignatureScheme) {
        let harness = EmulatorHarness()
        let signed = EmulatorHarness.signed(
            "DescribeRegions", [:], scheme: scheme, date: harness.now.addingTimeInterval(14.5 * 60), nonce: "future-nonce")
        let request = EmulatorHarness.emulatorRequest(signed)
        #expect(harness.handler.handle(request, now: harness.now).status == 200)
        let later = harness.now.addingTimeInterval(15 * 60 + 10)
        #expect(harness.handler.handle(request, now: later).errorCode == "SignatureNonceUsed")
    }

    /// Headers left out of SignedHeaders could be swapped after signing: a DescribeImages request signed over
    /// `host` alone ran as DeleteImage once its x-acs-action was changed. Host and every x-acs-* must be signed.
    @Test func everyACSHeaderMustBeSigned() throws {
        let harness = EmulatorHarness()
        let imageId = try harness.id(of: "broken-import-2024")
        let signed = EmulatorHarness.signed(
            "DescribeImages", ["RegionId": "cn-hangzhou", "ImageId": imageId], date: harness.now)
        var request = EmulatorHarness.emulatorRequest(signed)
        let canonical = ACS3Signer.canonicalRequest(
            method: request.method, path: request.path, canonicalQuery: CanonicalQuery.make(WireQuery.parse(request.query)),
            canonicalHeaders: "host:\(request.headers["host"] ?? "")\n", signedHeaders: "host",
            hashedPayload: ACS3Signer.hashedPayload(request.body))
        let signature = ACS3Signer.signature(stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonical), secret: "demo-full-secret")
        request.headers["authorization"] = ACS3Signer.authorization(
            accessKeyId: "demo-full-access", signedHeaders: "host", signature: signature)
        request.headers["x-acs-action"] = "DeleteImage"
        let response = harness.handler.handle(request, now: harness.now)
        #expect(response.errorCode == "IncompleteSignature", "\(response.body)")
        #expect(response.status == 400)
        #expect(response.body.contains("x-acs-action must be listed in SignedHeaders"), "\(response.body)")
        #expect(try harness.image(named: "broken-import-2024") != nil, "the image was deleted")
    }

    /// A v1 signature covers the parameters, not the headers: an x-acs-action header added to a signed v1
    /// request must not choose the action (a DescribeImages request ran as DeleteImage).
    @Test func aV1RequestsActionComesFromItsSignedParameters() throws {
        let harness = EmulatorHarness()
        let imageId = try harness.id(of: "broken-import-2024")
        let signed = EmulatorHarness.signed(
            "DescribeImages", ["RegionId": "cn-hangzhou", "ImageId": imageId], scheme: .v1, date: harness.now)
        var request = EmulatorHarness.emulatorRequest(signed)
        request.headers["x-acs-action"] = "DeleteImage"
        request.headers["x-acs-version"] = "2016-01-01"
        let response = harness.handler.handle(request, now: harness.now)
        #expect(response.status == 200, "\(response.body)")
        #expect(response.jsonObject?["Images"] != nil, "it ran as DescribeImages: \(response.body)")
        #expect(try harness.image(named: "broken-import-2024") != nil, "the image was deleted")
    }

    @Test func unknownActionIsNotFoundAndAWrongVersionIsInvalid() {
        let harness = EmulatorHarness()
        let unknown = harness.call("RunInstances", ["RegionId": "cn-hangzhou"])
        #expect(unknown.errorCode == "InvalidAction.NotFound")
        #expect(unknown.status == 404)
        let request = UnsignedRequest(host: EmulatorHarness.host, action: "DescribeRegions", version: "2016-11-11", parameters: [:])
        let credentials = Credentials(accessKeyId: "demo-full-access", accessKeySecret: Secret("demo-full-secret"))
        let signed = RequestSigner.sign(request, credentials: credentials, scheme: .v3, date: harness.now, nonce: "n-version")
        let wrongVersion = harness.handler.handle(EmulatorHarness.emulatorRequest(signed), now: harness.now)
        #expect(wrongVersion.errorCode == "InvalidVersion")
        #expect(wrongVersion.status == 400)
    }

    @Test func readOnlyKeyMayOnlyDescribe() throws {
        let harness = EmulatorHarness()
        let read = harness.call("DescribeImages", describe, key: "demo-read-only", secret: "demo-read-secret")
        #expect(read.status == 200)
        let write = harness.call("ModifyImageAttribute", [
            "RegionId": "cn-hangzhou", "ImageId": try harness.id(of: "web-prod-v1"), "Description": "no rights",
        ], key: "demo-read-only", secret: "demo-read-secret")
        #expect(write.errorCode == "Forbidden.RAM")
        #expect(write.status == 403)
        #expect(harness.call("DeleteImage", describe, key: "demo-read-only", secret: "demo-read-secret").errorCode == "Forbidden.RAM")
    }

    @Test func actionPatternsMatchWildcards() {
        let key = AccessKey(id: "k", secret: "s", accountId: "1", allowedActions: ["Describe*", "ecs:ModifyImage*Attribute"])
        #expect(key.allows("DescribeImages"))
        #expect(key.allows("ModifyImageAttribute"))
        #expect(!key.allows("ModifyImageSharePermission"))
        #expect(!key.allows("DeleteImage"))
    }
}
