import ECSCore
import Foundation

/// Checks a request's signature the way ECS does, for both ACS3-HMAC-SHA256 and RPC v1.
///
/// The wire parameters are decoded, then re-encoded canonically before the signature is
/// recomputed, so `+` or `%20` for a space both verify.
struct SignatureVerifier {
    /// The signature scheme a request used.
    enum Scheme: Equatable {
        case v3(signedHeaders: [String], signature: String)
        case v1(signature: String)

        /// Whether the signature covers the `x-acs-*` headers (V3 does; v1 covers the parameters only).
        var signsHeaders: Bool {
            if case .v3 = self { return true }
            return false
        }
    }

    /// What the request claims before it is verified.
    struct Claim: Equatable {
        let scheme: Scheme
        let accessKeyId: String
        let timestamp: String?
        let nonce: String?
        let timestampName: String
        let nonceName: String
    }

    /// Finds the signature, or fails with `IncompleteSignature`.
    static func claim(_ request: EmulatorRequest, query: [String: String], form: [String: String]) throws -> Claim {
        if let header = request.headers["authorization"] {
            guard header.hasPrefix("ACS3-HMAC-SHA256"), let parsed = ACS3Signer.parseAuthorization(header),
                  !parsed.accessKeyId.isEmpty, !parsed.signature.isEmpty
            else { throw EmulatorError("IncompleteSignature") }
            // The action, date, nonce and host must be covered by the signature, or they could be swapped freely
            // (a request signed for DescribeImages would run as DeleteImage, a captured one would replay).
            let signed = Set(parsed.signedHeaders.map { $0.lowercased() })
            if let unsigned = request.headers.keys.filter({ ($0 == "host" || $0.hasPrefix("x-acs-")) && !signed.contains($0) }).min() {
                throw EmulatorError(
                    "IncompleteSignature",
                    message: "The request signature does not conform to Aliyun standards. The header \(unsigned) must be listed in SignedHeaders.")
            }
            return Claim(
                scheme: .v3(signedHeaders: parsed.signedHeaders, signature: parsed.signature),
                accessKeyId: parsed.accessKeyId, timestamp: request.headers["x-acs-date"],
                nonce: request.headers["x-acs-signature-nonce"], timestampName: "x-acs-date", nonceName: "x-acs-signature-nonce")
        }
        let all = query.merging(form) { first, _ in first }
        guard let signature = all["Signature"], !signature.isEmpty else { throw EmulatorError("IncompleteSignature") }
        guard let keyId = all["AccessKeyId"], !keyId.isEmpty else { throw EmulatorError("IncompleteSignature") }
        return Claim(
            scheme: .v1(signature: signature), accessKeyId: keyId, timestamp: all["Timestamp"],
            nonce: all["SignatureNonce"], timestampName: "Timestamp", nonceName: "SignatureNonce")
    }

    /// Recomputes the signature with the key's secret; a mismatch quotes the server's string to sign.
    static func verify(_ claim: Claim, request: EmulatorRequest, query: [String: String], form: [String: String], secret: String) throws {
        let stringToSign: String
        let expected: String
        let given: String
        switch claim.scheme {
        case .v3(let signedHeaders, let signature):
            var chosen: [String: String] = [:]
            for name in signedHeaders {
                let lower = name.lowercased()
                if let value = request.headers[lower] { chosen[lower] = value }
            }
            let headers = ACS3Signer.canonicalHeaders(chosen)
            let canonical = ACS3Signer.canonicalRequest(
                method: request.method, path: request.path, canonicalQuery: CanonicalQuery.make(query),
                canonicalHeaders: headers.canonical, signedHeaders: headers.signed,
                hashedPayload: ACS3Signer.hashedPayload(request.body))
            stringToSign = ACS3Signer.stringToSign(canonicalRequest: canonical)
            expected = ACS3Signer.signature(stringToSign: stringToSign, secret: secret)
            given = signature.lowercased()
        case .v1(let signature):
            var signed = query.merging(form) { first, _ in first }
            signed["Signature"] = nil
            stringToSign = RPCV1Signer.stringToSign(method: request.method, canonicalQuery: CanonicalQuery.make(signed))
            expected = RPCV1Signer.signature(stringToSign: stringToSign, secret: secret)
            given = signature
        }
        guard constantTimeEquals(expected, given) else {
            throw EmulatorError(
                "SignatureDoesNotMatch",
                message: "Specified signature is not matched with our calculation. server string to sign is:\(stringToSign)")
        }
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
