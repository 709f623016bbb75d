import Foundation

/// Signs an `UnsignedRequest` with either scheme; pure: the clock and the nonce are passed in.
public enum RequestSigner {
    /// Signs `request` as the official SDKs do for `scheme`, at `date`, with `nonce` as the signature nonce.
    ///
    /// V3: parameters in the query (sorted, space as `+`); headers `host`, `x-acs-version`, `x-acs-action`,
    /// `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`, with an STS token also
    /// `x-acs-accesskey-id` and `x-acs-security-token`, then `Authorization`; all but `Authorization` are signed.
    /// V1: parameters plus the common ones (`Format=JSON`, `SignatureMethod=HMAC-SHA1`, ...) and `Signature` in the query.
    /// A non-empty body is treated as a form (`content-type: application/x-www-form-urlencoded`).
    public static func sign(
        _ request: UnsignedRequest, credentials: Credentials, scheme: SignatureScheme, date: Date, nonce: String
    ) -> SignedRequest {
        switch scheme {
        case .v3: return signV3(request, credentials: credentials, timestamp: SigningTimestamp.format(date), nonce: nonce)
        case .v1: return signV1(request, credentials: credentials, timestamp: SigningTimestamp.format(date), nonce: nonce)
        }
    }

    private static let formContentType = "application/x-www-form-urlencoded"

    private static func signV3(
        _ request: UnsignedRequest, credentials: Credentials, timestamp: String, nonce: String
    ) -> SignedRequest {
        let hashedPayload = ACS3Signer.hashedPayload(request.body)
        var headers: [(name: String, value: String)] = [
            ("host", request.host),
            ("x-acs-version", request.version),
            ("x-acs-action", request.action),
            ("x-acs-date", timestamp),
            ("x-acs-signature-nonce", nonce),
        ]
        if !request.body.isEmpty { headers.append(("content-type", formContentType)) }
        headers.append(("x-acs-content-sha256", hashedPayload))
        if let token = credentials.securityToken {
            headers.append(("x-acs-accesskey-id", credentials.accessKeyId))
            headers.append(("x-acs-security-token", token.reveal()))
        }
        var signable: [String: String] = [:]
        for header in headers { signable[header.name] = header.value }
        let (canonicalHeaders, signedHeaders) = ACS3Signer.canonicalHeaders(signable)
        let canonicalQuery = CanonicalQuery.make(request.parameters)
        let canonicalRequest = ACS3Signer.canonicalRequest(
            method: request.method, path: request.path, canonicalQuery: canonicalQuery,
            canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders, hashedPayload: hashedPayload)
        let signature = ACS3Signer.signature(
            stringToSign: ACS3Signer.stringToSign(canonicalRequest: canonicalRequest),
            secret: credentials.accessKeySecret.reveal())
        headers.append(
            ("Authorization",
             ACS3Signer.authorization(
                accessKeyId: credentials.accessKeyId, signedHeaders: signedHeaders, signature: signature)))
        return SignedRequest(
            method: request.method, host: request.host, path: request.path,
            query: CanonicalQuery.wireForm(ofCanonical: canonicalQuery), headers: headers, body: request.body)
    }

    private static func signV1(
        _ request: UnsignedRequest, credentials: Credentials, timestamp: String, nonce: String
    ) -> SignedRequest {
        // Wire order follows the new SDK's do_rpcrequest: leading common parameters, the API's own (sorted),
        // then SecurityToken, SignatureMethod, SignatureVersion, AccessKeyId and finally Signature.
        var leading: [(name: String, value: String)] = [
            ("Action", request.action), ("Format", "JSON"), ("Version", request.version),
            ("Timestamp", timestamp), ("SignatureNonce", nonce),
        ]
        var trailing: [(name: String, value: String)] = []
        if let token = credentials.securityToken { trailing.append(("SecurityToken", token.reveal())) }
        trailing += [
            ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"), ("AccessKeyId", credentials.accessKeyId),
        ]
        var signed = request.parameters
        for pair in leading + trailing { signed[pair.name] = pair.value }
        let common = Set((leading + trailing).map(\.name))
        let own = CanonicalQuery.sortedKeys(request.parameters).filter { !common.contains($0) }
        if !request.body.isEmpty {
            // A form body is signed together with the query, as the SDK does.
            for (key, value) in WireQuery.parse(request.body) where signed[key] == nil { signed[key] = value }
        }
        let stringToSign = RPCV1Signer.stringToSign(method: request.method, canonicalQuery: CanonicalQuery.make(signed))
        let signature = RPCV1Signer.signature(stringToSign: stringToSign, secret: credentials.accessKeySecret.reveal())
        leading += own.map { ($0, request.parameters[$0]!) }
        let query = WireQuery.make(pairs: leading + trailing + [("Signature", signature)])
        var headers: [(name: String, value: String)] = [
            ("host", request.host), ("x-acs-version", request.version), ("x-acs-action", request.action),
        ]
        if !request.body.isEmpty { headers.append(("content-type", formContentType)) }
        return SignedRequest(
            method: request.method, host: request.host, path: request.path, query: query, headers: headers,
            body: request.body)
    }
}
