import Foundation
import XCTest

@testable import ECSCore

final class SigningRequestSignerTests: XCTestCase {
    private var file: SigningVectorFile!
    private var date: Date!
    private var nonce: String!

    override func setUpWithError() throws {
        file = try SigningVectorFile.load()
        date = try XCTUnwrap(SigningTimestamp.parse(file.fixed_inputs.timestamp))
        nonce = file.fixed_inputs.nonce
    }

    private func vector(_ id: String) throws -> SigningVectorFile.Vector {
        try XCTUnwrap(file.vectors.first { $0.id == id }, id)
    }

    func testV3ReproducesTheMinimalHeaderVectorEndToEnd() throws {
        let v = try vector("v3-get-minimal-headers")
        let request = UnsignedRequest(
            method: v.http_method, host: v.host, action: "ModifyImageAttribute", parameters: try XCTUnwrap(v.query))
        let signed = RequestSigner.sign(request, credentials: v.credentialsValue, scheme: .v3, date: date, nonce: nonce)
        var expected = try XCTUnwrap(v.headers)
        expected["Authorization"] = v.authorization
        var actual: [String: String] = [:]
        for header in signed.headers { actual[header.name] = header.value }
        XCTAssertEqual(actual, expected)
        XCTAssertEqual(signed.headers.count, expected.count, "no duplicate headers")
        XCTAssertEqual(signed.header("authorization"), v.authorization)
        XCTAssertEqual(signed.method, "GET")
        XCTAssertEqual(signed.path, "/")
        XCTAssertEqual(signed.body, "")
        XCTAssertEqual(WireQuery.parse(signed.query), v.query)
    }

    func testV3WireQueryMatchesTheOfficialSDKByteForByte() throws {
        var checked = 0
        for v in file.vectors where v.scheme == "acs3-hmac-sha256" {
            guard let wireQuery = v.wireQuery, let wire = v.wire else { continue }
            let request = UnsignedRequest(
                method: wire.method, host: v.host, action: try XCTUnwrap(v.headers?["x-acs-action"]),
                parameters: try XCTUnwrap(v.query), body: wire.body)
            let signed = RequestSigner.sign(
                request, credentials: v.credentialsValue, scheme: .v3, date: date, nonce: nonce)
            XCTAssertEqual(signed.query, wireQuery, v.id)
            XCTAssertEqual(signed.pathAndQuery, wire.path_and_query, v.id)
            XCTAssertEqual(signed.header("x-acs-content-sha256"), v.hashed_payload, v.id)
            XCTAssertEqual(signed.header("content-type"), wire.headers["content-type"], v.id)
            XCTAssertEqual(signed.header("x-acs-security-token"), v.credentials.security_token, v.id)
            XCTAssertEqual(
                signed.header("x-acs-accesskey-id"),
                v.credentials.security_token == nil ? nil : v.credentials.access_key_id, v.id)
            try assertV3Verifies(signed, secret: v.credentials.access_key_secret)
            checked += 1
        }
        XCTAssertEqual(checked, 4)
    }

    func testV3HeaderOrderAndStsHeaders() throws {
        let credentials = Credentials(
            accessKeyId: "testid", accessKeySecret: Secret("testsecret"), securityToken: Secret("tok/en=="))
        let signed = RequestSigner.sign(
            UnsignedRequest(host: "ecs.cn-beijing.aliyuncs.com", action: "DescribeRegions", parameters: [:]),
            credentials: credentials, scheme: .v3, date: date, nonce: "n1")
        XCTAssertEqual(
            signed.headers.map(\.name),
            [
                "host", "x-acs-version", "x-acs-action", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256",
                "x-acs-accesskey-id", "x-acs-security-token", "Authorization",
            ])
        XCTAssertEqual(signed.query, "")
        XCTAssertEqual(signed.pathAndQuery, "/")
        XCTAssertEqual(signed.header("x-acs-date"), "2024-01-02T03:04:05Z")
        XCTAssertEqual(signed.header("x-acs-version"), "2014-05-26")
        let auth = try XCTUnwrap(ACS3Signer.parseAuthorization(try XCTUnwrap(signed.header("Authorization"))))
        XCTAssertTrue(auth.signedHeaders.contains("x-acs-security-token"))
        try assertV3Verifies(signed, secret: "testsecret")
    }

    func testV1MatchesTheNewSDKWireExceptFormat() throws {
        // ecsh sends Format=JSON (as the aliyun CLI and legacy SDK do); the new Python SDK sends Format=json.
        let v = try vector("v1-post-query-modify-image-attribute-e2e")
        let common: Set = [
            "Action", "Format", "Version", "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion",
            "AccessKeyId",
        ]
        let own = try XCTUnwrap(v.signed_params).filter { !common.contains($0.key) }
        let signed = RequestSigner.sign(
            UnsignedRequest(host: v.host, action: "ModifyImageAttribute", parameters: own),
            credentials: v.credentialsValue, scheme: .v1, date: date, nonce: nonce)

        var expectedParams = try XCTUnwrap(v.signed_params)
        expectedParams["Format"] = "JSON"
        let canonical = CanonicalQuery.make(expectedParams)
        let signature = RPCV1Signer.signature(
            stringToSign: RPCV1Signer.stringToSign(method: "POST", canonicalQuery: canonical), secret: "testsecret")
        let expectedWire = try XCTUnwrap(v.wireQuery)
            .replacingOccurrences(of: "Format=json", with: "Format=JSON")
            .replacingOccurrences(of: PercentEncoding.formEncode(v.signature), with: PercentEncoding.formEncode(signature))
        XCTAssertEqual(signed.query, expectedWire)
        XCTAssertEqual(signed.method, "POST")
        XCTAssertEqual(signed.body, "")
        XCTAssertEqual(signed.header("host"), v.host)
        XCTAssertNil(signed.header("Authorization"))

        // And with the SDK's own Format the stage functions give the SDK's signature.
        expectedParams["Format"] = "json"
        XCTAssertEqual(
            RPCV1Signer.signature(
                stringToSign: RPCV1Signer.stringToSign(method: "POST", canonicalQuery: CanonicalQuery.make(expectedParams)),
                secret: "testsecret"),
            v.signature)
    }

    func testV1WithTokenAndFormBodySignsEverything() throws {
        let v = try vector("v1-get-modify-image-attribute-sts")
        let signed = RequestSigner.sign(
            UnsignedRequest(
                method: "GET", host: v.host, action: "ModifyImageAttribute",
                parameters: ["RegionId": "cn-hangzhou", "ImageId": "m-abc", "ImageName": "sts name"]),
            credentials: v.credentialsValue, scheme: .v1, date: date, nonce: nonce)
        var received = WireQuery.parse(signed.query)
        let signature = try XCTUnwrap(received.removeValue(forKey: "Signature"))
        var expected = try XCTUnwrap(v.signed_params)
        expected["Format"] = "JSON"
        XCTAssertEqual(received, expected)
        XCTAssertTrue(signed.query.hasSuffix("&Signature=" + PercentEncoding.formEncode(signature)))
        XCTAssertTrue(signed.query.hasPrefix("Action=ModifyImageAttribute&Format=JSON&Version=2014-05-26&"))
        XCTAssertEqual(
            RPCV1Signer.signature(
                stringToSign: RPCV1Signer.stringToSign(method: "GET", canonicalQuery: CanonicalQuery.make(received)),
                secret: "testsecret"),
            signature)

        let form = RequestSigner.sign(
            UnsignedRequest(
                host: "h", action: "DescribeImages", parameters: ["RegionId": "cn-hangzhou"],
                body: "ImageName=a+b&PageSize=5"),
            credentials: Credentials(accessKeyId: "id", accessKeySecret: Secret("s")), scheme: .v1, date: date,
            nonce: "n")
        XCTAssertEqual(form.header("content-type"), "application/x-www-form-urlencoded")
        var signedParams = WireQuery.parse(form.query)
        let formSignature = try XCTUnwrap(signedParams.removeValue(forKey: "Signature"))
        XCTAssertNil(signedParams["ImageName"], "form parameters stay in the body")
        signedParams.merge(WireQuery.parse(form.body)) { first, _ in first }
        XCTAssertEqual(
            RPCV1Signer.signature(
                stringToSign: RPCV1Signer.stringToSign(method: "POST", canonicalQuery: CanonicalQuery.make(signedParams)),
                secret: "s"),
            formSignature)
    }

    func testCommonParametersOverrideCallerCopies() throws {
        let signed = RequestSigner.sign(
            UnsignedRequest(host: "h", action: "DescribeRegions", parameters: ["Action": "Evil", "Format": "XML"]),
            credentials: Credentials(accessKeyId: "id", accessKeySecret: Secret("s")), scheme: .v1, date: date,
            nonce: "n")
        let received = WireQuery.parse(signed.query)
        XCTAssertEqual(received["Action"], "DescribeRegions")
        XCTAssertEqual(received["Format"], "JSON")
        XCTAssertEqual(signed.query.components(separatedBy: "Action=").count, 2, "Action appears once")
    }

    func testSigningIsDeterministicAndNonceSensitive() {
        let request = UnsignedRequest(host: "h", action: "DescribeImages", parameters: ["PageSize": "10"])
        let credentials = Credentials(accessKeyId: "id", accessKeySecret: Secret("s"))
        for scheme in SignatureScheme.allCases {
            let first = RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: "a")
            let again = RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: "a")
            let other = RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: "b")
            XCTAssertEqual(first.query, again.query)
            XCTAssertEqual(first.headers.map(\.value), again.headers.map(\.value))
            XCTAssertNotEqual(first.query + first.headers.map(\.value).joined(), other.query + other.headers.map(\.value).joined())
        }
    }

    func testTimestampFormatting() {
        XCTAssertEqual(SigningTimestamp.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(SigningTimestamp.format(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00Z")
        XCTAssertEqual(SigningTimestamp.format(Date(timeIntervalSince1970: 1_709_251_199.999)), "2024-02-29T23:59:59Z")
        XCTAssertEqual(SigningTimestamp.format(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59Z")
        XCTAssertEqual(SigningTimestamp.format(Date(timeIntervalSince1970: 4_102_444_800)), "2100-01-01T00:00:00Z")
        // Against Foundation's formatter over a spread of instants.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var t: TimeInterval = -86_400 * 365 * 3
        while t < 86_400 * 365 * 200 {
            let date = Date(timeIntervalSince1970: t)
            XCTAssertEqual(SigningTimestamp.format(date), formatter.string(from: date))
            XCTAssertEqual(SigningTimestamp.parse(formatter.string(from: date))?.timeIntervalSince1970, t)
            t += 86_400 * 37 + 3_727
        }
        XCTAssertNil(SigningTimestamp.parse("2024-02-30T00:00:00Z"))
        XCTAssertNil(SigningTimestamp.parse("2024-01-02T03:04:05"))
        XCTAssertNil(SigningTimestamp.parse("2024-01-02 03:04:05Z"))
        XCTAssertNil(SigningTimestamp.parse("2024-13-02T03:04:05Z"))
        XCTAssertNil(SigningTimestamp.parse("2024-01-02T24:00:00Z"))
    }

    /// The one-pass signer against the step functions composed from dictionaries, on random requests:
    /// names and values with reserved, non-ASCII and space bytes, caller copies of common parameters,
    /// form bodies, STS tokens and padded header values.
    func testOnePassSignerAgreesWithTheStepFunctions() throws {
        var random = SplitMix(seed: 0x5EED)
        let alphabet = ["a", "Z", "0", ".", "-", "_", "~", " ", "*", "&", "=", "+", "/", "%", "é", "中", "😀", "Tag.1", "Tag.10"]
        let commonNames = ["Action", "Format", "SecurityToken", "Signature", "AccessKeyId", "Version"]
        func text(_ maximum: Int) -> String {
            (0..<random.next(below: maximum + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }.joined()
        }
        for round in 0..<400 {
            var parameters: [String: String] = [:]
            for _ in 0..<random.next(below: 8) { parameters[text(4) + "K"] = text(6) }
            if random.next(below: 4) == 0 { parameters[commonNames[random.next(below: commonNames.count)]] = text(3) }
            let body = random.next(below: 4) == 0 ? WireQuery.make(["Form" + text(2): text(4), "Action": "X"]) : ""
            let request = UnsignedRequest(
                host: random.next(below: 5) == 0 ? " h.example:8080 " : "ecs.cn-beijing.aliyuncs.com",
                action: "DescribeImages", parameters: parameters, body: body)
            let secret = "s" + text(5)
            let credentials = Credentials(
                accessKeyId: "id" + text(2), accessKeySecret: Secret(secret),
                securityToken: random.next(below: 3) == 0 ? Secret("tok" + text(4)) : nil)
            let nonce = random.next(below: 5) == 0 ? " n-\(round)\t" : "n-\(round)"
            let timestamp = SigningTimestamp.format(date)

            let v3 = RequestSigner.sign(request, credentials: credentials, scheme: .v3, date: date, nonce: nonce)
            var signable = ["host": request.host, "x-acs-version": request.version, "x-acs-action": request.action,
                            "x-acs-date": timestamp, "x-acs-signature-nonce": nonce,
                            "x-acs-content-sha256": ACS3Signer.hashedPayload(body)]
            if !body.isEmpty { signable["content-type"] = "application/x-www-form-urlencoded" }
            if let token = credentials.securityToken {
                signable["x-acs-accesskey-id"] = credentials.accessKeyId
                signable["x-acs-security-token"] = token.reveal()
            }
            let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(signable)
            let canonicalRequest = ACS3Signer.canonicalRequest(
                method: "POST", path: "/", canonicalQuery: CanonicalQuery.make(parameters),
                canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders,
                hashedPayload: ACS3Signer.hashedPayload(body))
            let expectedV3 = ACS3Signer.authorization(
                accessKeyId: credentials.accessKeyId, signedHeaders: signedHeaders,
                signature: ACS3Signer.signature(
                    stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonicalRequest), secret: secret))
            XCTAssertEqual(v3.header("Authorization"), expectedV3, "round \(round)")
            XCTAssertEqual(v3.query, WireQuery.make(parameters), "round \(round)")
            XCTAssertEqual(Set(v3.headers.map(\.name)), Set(signable.keys).union(["Authorization"]), "round \(round)")

            let v1 = RequestSigner.sign(request, credentials: credentials, scheme: .v1, date: date, nonce: nonce)
            var signed = parameters
            signed["Signature"] = nil
            signed.merge(["Action": request.action, "Format": "JSON", "Version": request.version,
                          "Timestamp": timestamp, "SignatureNonce": nonce, "SignatureMethod": "HMAC-SHA1",
                          "SignatureVersion": "1.0", "AccessKeyId": credentials.accessKeyId]) { _, common in common }
            if let token = credentials.securityToken { signed["SecurityToken"] = token.reveal() }
            for (name, value) in WireQuery.parse(body) where signed[name] == nil { signed[name] = value }
            let expectedV1 = RPCV1Signer.signature(
                stringToSign: RPCV1Signer.stringToSign(method: "POST", canonicalQuery: CanonicalQuery.make(signed)),
                secret: secret)
            var received = WireQuery.parse(v1.query)
            XCTAssertEqual(received.removeValue(forKey: "Signature"), expectedV1, "round \(round)")
            for (name, value) in WireQuery.parse(body) where received[name] == nil { received[name] = value }
            XCTAssertEqual(received, signed, "round \(round): the wire carries exactly what was signed")
        }
    }

    func testAPreparedKeySignsAsTheSecretDoes() {
        let request = UnsignedRequest(host: "h", action: "DescribeRegions", parameters: ["RegionId": "cn-hangzhou"])
        let credentials = Credentials(accessKeyId: "id", accessKeySecret: Secret("s"))
        for scheme in SignatureScheme.allCases {
            let key = SigningKey(secret: Secret("s"), scheme: scheme)
            let once = RequestSigner.sign(request, credentials: credentials, scheme: scheme, date: date, nonce: "n")
            for _ in 0..<3 {
                let reused = RequestSigner.sign(request, credentials: credentials, key: key, date: date, nonce: "n")
                XCTAssertEqual(reused.query, once.query)
                XCTAssertEqual(reused.headers.map(\.value), once.headers.map(\.value))
            }
            XCTAssertTrue(key.matches(Secret("s"), scheme: scheme))
            XCTAssertFalse(key.matches(Secret("t"), scheme: scheme))
        }
    }

    func testTheClientsKeyCacheFollowsTheSecret() {
        let cache = SigningKeyCache()
        XCTAssertTrue(cache.key(for: Secret("a"), scheme: .v3).matches(Secret("a"), scheme: .v3))
        XCTAssertTrue(cache.key(for: Secret("b"), scheme: .v3).matches(Secret("b"), scheme: .v3))
        XCTAssertTrue(cache.key(for: Secret("b"), scheme: .v1).matches(Secret("b"), scheme: .v1))
    }

    /// Verifies a V3 request the way the emulator does: only from what is on the wire.
    private func assertV3Verifies(_ signed: SignedRequest, secret: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let auth = try XCTUnwrap(ACS3Signer.parseAuthorization(try XCTUnwrap(signed.header("Authorization"))))
        var headers: [String: String] = [:]
        for name in auth.signedHeaders { headers[name] = try XCTUnwrap(signed.header(name), name) }
        let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(headers)
        let canonicalRequest = ACS3Signer.canonicalRequest(
            method: signed.method, path: signed.path, canonicalQuery: CanonicalQuery.make(WireQuery.parse(signed.query)),
            canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders,
            hashedPayload: ACS3Signer.hashedPayload(signed.body))
        XCTAssertEqual(
            ACS3Signer.signature(stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonicalRequest), secret: secret),
            auth.signature, file: file, line: line)
    }
}

/// A small seeded generator (SplitMix64), so random cases repeat run after run.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
