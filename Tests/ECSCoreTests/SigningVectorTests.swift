import Foundation
import XCTest

@testable import ECSCore

/// The official SDKs' signing vectors (`Resources/signatures.json`), as recorded by `gen_vectors.py`.
struct SigningVectorFile: Decodable {
    struct Creds: Decodable {
        var access_key_id: String
        var access_key_secret: String
        var security_token: String?
    }

    struct Wire: Decodable {
        var method: String
        var path_and_query: String
        var headers: [String: String]
        var body: String
    }

    struct Vector: Decodable {
        var id: String
        var scheme: String
        var credentials: Creds
        var http_method: String
        var host: String
        var pathname: String
        var string_to_sign: String
        var signature: String
        // rpc-v1-hmac-sha1
        var signed_params: [String: String]?
        var canonicalized_query_string: String?
        var hmac_key: String?
        var query_params: [String: String]?
        var form_params: [String: String]?
        var request_params_on_wire: [String: String]?
        var legacy_signed_url: String?
        // acs3-hmac-sha256
        var query: [String: String]?
        var headers: [String: String]?
        var body: String?
        var hashed_payload: String?
        var canonical_query_string: String?
        var canonical_headers: String?
        var signed_headers: String?
        var canonical_request: String?
        var authorization: String?
        var wire: Wire?
    }

    struct FixedInputs: Decodable {
        var access_key_id: String
        var access_key_secret: String
        var timestamp: String
        var nonce: String
    }

    var fixed_inputs: FixedInputs
    var vectors: [Vector]

    static func load() throws -> SigningVectorFile {
        let url =
            Bundle.module.url(forResource: "Resources/signatures", withExtension: "json")
            ?? Bundle.module.resourceURL!.appendingPathComponent("Resources/signatures.json")
        return try JSONDecoder().decode(SigningVectorFile.self, from: Data(contentsOf: url))
    }
}

extension SigningVectorFile.Vector {
    var credentialsValue: Credentials {
        Credentials(
            accessKeyId: credentials.access_key_id, accessKeySecret: Secret(credentials.access_key_secret),
            securityToken: credentials.security_token.map(Secret.init))
    }

    /// The wire's query, without the leading `/?`.
    var wireQuery: String? {
        guard let pathAndQuery = wire?.path_and_query, let mark = pathAndQuery.firstIndex(of: "?") else { return nil }
        return String(pathAndQuery[pathAndQuery.index(after: mark)...])
    }
}

final class SigningVectorTests: XCTestCase {
    private var file: SigningVectorFile!

    override func setUpWithError() throws {
        file = try SigningVectorFile.load()
    }

    func testVectorFileHasBothSchemes() {
        XCTAssertEqual(file.vectors.count, 13)
        XCTAssertEqual(file.vectors.filter { $0.scheme == "rpc-v1-hmac-sha1" }.count, 8)
        XCTAssertEqual(file.vectors.filter { $0.scheme == "acs3-hmac-sha256" }.count, 5)
    }

    func testRPCV1VectorsStageByStage() throws {
        for v in file.vectors where v.scheme == "rpc-v1-hmac-sha1" {
            let params = try XCTUnwrap(v.signed_params, v.id)
            let canonical = CanonicalQuery.make(params)
            XCTAssertEqual(canonical, v.canonicalized_query_string, "canonical query: \(v.id)")
            let stringToSign = RPCV1Signer.stringToSign(method: v.http_method, canonicalQuery: canonical)
            XCTAssertEqual(stringToSign, v.string_to_sign, "string to sign: \(v.id)")
            XCTAssertEqual(v.hmac_key, v.credentials.access_key_secret + "&", v.id)
            let signature = RPCV1Signer.signature(stringToSign: stringToSign, secret: v.credentials.access_key_secret)
            XCTAssertEqual(signature, v.signature, "signature: \(v.id)")
            if let onWire = v.request_params_on_wire {
                var expected = params
                expected["Signature"] = v.signature
                XCTAssertEqual(onWire, expected, v.id)
            }
        }
    }

    func testRPCV1VectorWireFormsVerifyLikeAServer() throws {
        // A server decodes the wire (query + form body), re-encodes canonically and re-signs.
        var checked = 0
        for v in file.vectors where v.scheme == "rpc-v1-hmac-sha1" {
            let wireQueries = [v.wireQuery, v.legacy_signed_url.map { String($0.dropFirst(2)) }].compactMap { $0 }
            for query in wireQueries {
                var received = WireQuery.parse(query)
                if let body = v.wire?.body, !body.isEmpty {
                    received.merge(WireQuery.parse(body)) { first, _ in first }
                }
                let signature = try XCTUnwrap(received.removeValue(forKey: "Signature"), v.id)
                XCTAssertEqual(signature, v.signature, v.id)
                XCTAssertEqual(received, v.signed_params, "decoded wire params: \(v.id)")
                let stringToSign = RPCV1Signer.stringToSign(
                    method: v.http_method, canonicalQuery: CanonicalQuery.make(received))
                XCTAssertEqual(
                    RPCV1Signer.signature(stringToSign: stringToSign, secret: v.credentials.access_key_secret),
                    signature, v.id)
                checked += 1
            }
            if let queryParams = v.query_params, let formParams = v.form_params, let wire = v.wire {
                var query = WireQuery.parse(try XCTUnwrap(v.wireQuery))
                query.removeValue(forKey: "Signature")
                XCTAssertEqual(query, queryParams, v.id)
                XCTAssertEqual(WireQuery.parse(wire.body), formParams, v.id)
            }
        }
        XCTAssertEqual(checked, 4)
    }

    func testACS3VectorsStageByStage() throws {
        for v in file.vectors where v.scheme == "acs3-hmac-sha256" {
            let query = try XCTUnwrap(v.query, v.id)
            let headers = try XCTUnwrap(v.headers, v.id)
            let body = try XCTUnwrap(v.body, v.id)

            let canonicalQuery = CanonicalQuery.make(query)
            XCTAssertEqual(canonicalQuery, v.canonical_query_string, "canonical query: \(v.id)")

            let hashedPayload = ACS3Signer.hashedPayload(body)
            XCTAssertEqual(hashedPayload, v.hashed_payload, "hashed payload: \(v.id)")
            XCTAssertEqual(headers["x-acs-content-sha256"], hashedPayload, v.id)

            let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(headers)
            XCTAssertEqual(canonicalHeaders, v.canonical_headers, "canonical headers: \(v.id)")
            XCTAssertEqual(signedHeaders, v.signed_headers, "signed headers: \(v.id)")

            let canonicalRequest = ACS3Signer.canonicalRequest(
                method: v.http_method, path: v.pathname, canonicalQuery: canonicalQuery,
                canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders, hashedPayload: hashedPayload)
            XCTAssertEqual(canonicalRequest, v.canonical_request, "canonical request: \(v.id)")

            let stringToSign = ACS3Signer.stringToSign(canonicalRequest: canonicalRequest)
            XCTAssertEqual(stringToSign, v.string_to_sign, "string to sign: \(v.id)")

            let signature = ACS3Signer.signature(stringToSign: stringToSign, secret: v.credentials.access_key_secret)
            XCTAssertEqual(signature, v.signature, "signature: \(v.id)")

            let authorization = ACS3Signer.authorization(
                accessKeyId: v.credentials.access_key_id, signedHeaders: signedHeaders, signature: signature)
            XCTAssertEqual(authorization, v.authorization, "authorization: \(v.id)")

            let parsed = try XCTUnwrap(ACS3Signer.parseAuthorization(authorization), v.id)
            XCTAssertEqual(parsed.accessKeyId, v.credentials.access_key_id)
            XCTAssertEqual(parsed.signedHeaders.joined(separator: ";"), v.signed_headers)
            XCTAssertEqual(parsed.signature, v.signature)
        }
    }

    func testACS3VectorWireFormsVerifyLikeAServer() throws {
        var checked = 0
        for v in file.vectors where v.scheme == "acs3-hmac-sha256" {
            guard let wire = v.wire, let wireQuery = v.wireQuery else { continue }
            XCTAssertEqual(wire.headers["Authorization"], v.authorization, v.id)
            let received = WireQuery.parse(wireQuery)
            XCTAssertEqual(received, v.query, "decoded wire query: \(v.id)")
            // Rebuild the signature from the wire alone, using only the headers the Authorization names.
            let auth = try XCTUnwrap(ACS3Signer.parseAuthorization(wire.headers["Authorization"]!), v.id)
            var lowered: [String: String] = [:]
            for (name, value) in wire.headers { lowered[name.lowercased()] = value }
            var signed: [String: String] = [:]
            for name in auth.signedHeaders { signed[name] = try XCTUnwrap(lowered[name], "\(v.id): \(name)") }
            let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(signed)
            let canonicalRequest = ACS3Signer.canonicalRequest(
                method: wire.method, path: "/", canonicalQuery: CanonicalQuery.make(received),
                canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders,
                hashedPayload: ACS3Signer.hashedPayload(wire.body))
            let signature = ACS3Signer.signature(
                stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonicalRequest),
                secret: v.credentials.access_key_secret)
            XCTAssertEqual(signature, auth.signature, v.id)
            checked += 1
        }
        XCTAssertEqual(checked, 4)
    }

    func testFixedTimestampFormatsAsInVectors() throws {
        let date = try XCTUnwrap(SigningTimestamp.parse(file.fixed_inputs.timestamp))
        XCTAssertEqual(date.timeIntervalSince1970, 1_704_164_645)
        XCTAssertEqual(SigningTimestamp.format(date), file.fixed_inputs.timestamp)
    }
}
