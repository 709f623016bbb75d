import Crypto
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
        sign(
            request, credentials: credentials, key: SigningKey(secret: credentials.accessKeySecret, scheme: scheme),
            date: date, nonce: nonce)
    }

    /// Signs as above with a key prepared earlier from `credentials.accessKeySecret`; its scheme is the one used.
    public static func sign(
        _ request: UnsignedRequest, credentials: Credentials, key: SigningKey, date: Date, nonce: String
    ) -> SignedRequest {
        precondition(key.matches(credentials.accessKeySecret, scheme: key.scheme), "signing key of another secret")
        switch key.scheme {
        case .v3:
            return signV3(
                request, credentials: credentials, key: key, timestamp: SigningTimestamp.format(date), nonce: nonce)
        case .v1:
            return signV1(
                request, credentials: credentials, key: key, timestamp: SigningTimestamp.format(date), nonce: nonce)
        }
    }

    private static let formContentType = "application/x-www-form-urlencoded"
    private static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    // The canonical request is written straight into scratch memory, headers in the byte order of their
    // names (fixed, since the set is), and hashed there; ACS3Signer's step functions compute the same
    // strings one at a time, and the tests hold the two to each other.
    private static func signV3(
        _ request: UnsignedRequest, credentials: Credentials, key: SigningKey, timestamp: String, nonce: String
    ) -> SignedRequest {
        let hasBody = !request.body.isEmpty
        let hashedPayload = hasBody ? ACS3Signer.hashedPayload(request.body) : emptyPayloadHash
        let token = credentials.securityToken?.reveal()
        let pairs = CanonicalQuery.sortedPairs(request.parameters)
        let signedHeaders = v3SignedHeaders(hasBody: hasBody, hasToken: token != nil)
        var capacity = request.method.utf8.count + request.path.utf8.count + CanonicalQuery.encodedCapacity(pairs)
        capacity += request.host.utf8.count + request.action.utf8.count + request.version.utf8.count
        capacity += timestamp.utf8.count + nonce.utf8.count + credentials.accessKeyId.utf8.count + (token?.utf8.count ?? 0)
        capacity += 2 * signedHeaders.utf8CodeUnitCount + formContentType.utf8.count + 2 * hashedPayload.utf8.count + 32
        let (digest, wireQuery) = ByteWriter.withScratch(capacity: capacity) { writer -> (SHA256.Digest, String) in
            writer.write(request.method)
            writer.write(UInt8(ascii: "\n"))
            writer.write(request.path)
            writer.write(UInt8(ascii: "\n"))
            let queryStart = writer.count
            CanonicalQuery.write(pairs, to: &writer, spaceAsPlus: false)
            // The wire query is the canonical one with each space's `%20` sent as `+` (a literal `+` is `%2B`).
            let wireQuery = ByteWriter.string(capacity: writer.count - queryStart) {
                $0.writeSpacesAsPlus(UnsafeRawBufferPointer(rebasing: writer.written[queryStart...]))
            }
            writer.write(UInt8(ascii: "\n"))
            if hasBody { writeHeader("content-type:", formContentType, to: &writer) }
            writeHeader("host:", request.host, to: &writer)
            if token != nil { writeHeader("x-acs-accesskey-id:", credentials.accessKeyId, to: &writer) }
            writeHeader("x-acs-action:", request.action, to: &writer)
            writeHeader("x-acs-content-sha256:", hashedPayload, to: &writer)
            writeHeader("x-acs-date:", timestamp, to: &writer)
            if let token { writeHeader("x-acs-security-token:", token, to: &writer) }
            writeHeader("x-acs-signature-nonce:", nonce, to: &writer)
            writeHeader("x-acs-version:", request.version, to: &writer)
            writer.write(UInt8(ascii: "\n"))
            writer.write(signedHeaders)
            writer.write(UInt8(ascii: "\n"))
            writer.write(hashedPayload)
            var hasher = SHA256()
            hasher.update(bufferPointer: writer.written)
            return (hasher.finalize(), wireQuery)
        }
        let authorization = ByteWriter.withScratch(capacity: 96) { stringToSign in
            stringToSign.write(ACS3Signer.algorithm)
            stringToSign.write(UInt8(ascii: "\n"))
            digest.withUnsafeBytes { stringToSign.writeLowerHex($0) }
            return ByteWriter.string(
                capacity: 64 + credentials.accessKeyId.utf8.count + signedHeaders.utf8CodeUnitCount + 2 * SHA256.byteCount
            ) { writer in
                writer.write(ACS3Signer.algorithm)
                writer.write(" Credential=" as StaticString)
                writer.write(credentials.accessKeyId)
                writer.write(",SignedHeaders=" as StaticString)
                writer.write(signedHeaders)
                writer.write(",Signature=" as StaticString)
                key.writeV3Signature(of: stringToSign.written, to: &writer)
            }
        }
        var headers: [(name: String, value: String)] = [
            ("host", request.host), ("x-acs-version", request.version), ("x-acs-action", request.action),
            ("x-acs-date", timestamp), ("x-acs-signature-nonce", nonce),
        ]
        headers.reserveCapacity(10)
        if hasBody { headers.append(("content-type", formContentType)) }
        headers.append(("x-acs-content-sha256", hashedPayload))
        if let token {
            headers.append(("x-acs-accesskey-id", credentials.accessKeyId))
            headers.append(("x-acs-security-token", token))
        }
        headers.append(("Authorization", authorization))
        return SignedRequest(
            method: request.method, host: request.host, path: request.path,
            query: wireQuery, headers: headers, body: request.body)
    }

    /// The `;`-joined names V3 signs, in byte order, for each combination of form body and STS token.
    private static func v3SignedHeaders(hasBody: Bool, hasToken: Bool) -> StaticString {
        switch (hasBody, hasToken) {
        case (false, false): "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
        case (true, false):
            "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
        case (false, true):
            "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version"
        case (true, true):
            "content-type;host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version"
        }
    }

    @inline(__always)
    private static func writeHeader(_ prefix: StaticString, _ value: String, to writer: inout ByteWriter) {
        writer.write(prefix)
        writer.writeTrimmed(value)
        writer.write(UInt8(ascii: "\n"))
    }

    // Wire order follows the new SDK's do_rpcrequest: leading common parameters, the API's own (sorted),
    // then SecurityToken, SignatureMethod, SignatureVersion, AccessKeyId and finally Signature. The signed
    // set is the API's own parameters merged with the common ones, whose byte order is fixed; both the
    // string to sign and the wire query are written straight from the two sorted lists.
    private static func signV1(
        _ request: UnsignedRequest, credentials: Credentials, key: SigningKey, timestamp: String, nonce: String
    ) -> SignedRequest {
        let token = credentials.securityToken?.reveal()
        let hasToken = token != nil
        let own = CanonicalQuery.sortedPairs(request.parameters)
        var common: [CanonicalQuery.Pair] = [
            ("AccessKeyId", credentials.accessKeyId), ("Action", request.action), ("Format", "JSON"),
            ("SignatureMethod", "HMAC-SHA1"), ("SignatureNonce", nonce), ("SignatureVersion", "1.0"),
            ("Timestamp", timestamp), ("Version", request.version),
        ]
        if let token { common.insert(("SecurityToken", token), at: 3) }
        let pairBytes = byteCount(own) + byteCount(common)
        // A form body is signed together with the query, as the SDK does; the query's values win.
        let formPairs = request.body.isEmpty ? nil : formSignedPairs(own: own, common: common, hasToken: hasToken, body: request.body)
        // Encoded twice over, a byte takes at most 5 (`%25XX`), and each `&`/`=` becomes `%26`/`%3D`.
        let capacity = request.method.utf8.count + 8 + 5 * (formPairs.map(byteCount) ?? pairBytes)
        let mac = ByteWriter.withScratch(capacity: capacity) { writer in
            writer.write(request.method)
            writer.write("&%2F&" as StaticString)
            let start = writer.count
            if let formPairs {
                for pair in formPairs { writeV1SignedPair(pair.name, pair.value, to: &writer, first: writer.count == start) }
            } else {
                forEachMerged(own, common, hasToken: hasToken) {
                    writeV1SignedPair($0, $1, to: &writer, first: writer.count == start)
                }
            }
            return key.v1MAC(of: writer.written)
        }
        let query = ByteWriter.string(capacity: 3 * pairBytes + 3 * 28 + 16) { writer in
            writeWirePair("Action", request.action, to: &writer)
            writeWirePair("Format", "JSON", to: &writer)
            writeWirePair("Version", request.version, to: &writer)
            writeWirePair("Timestamp", timestamp, to: &writer)
            writeWirePair("SignatureNonce", nonce, to: &writer)
            for pair in own where !isV1CommonName(pair.name, hasToken: hasToken) {
                writeWirePair(pair.name, pair.value, to: &writer)
            }
            if let token { writeWirePair("SecurityToken", token, to: &writer) }
            writeWirePair("SignatureMethod", "HMAC-SHA1", to: &writer)
            writeWirePair("SignatureVersion", "1.0", to: &writer)
            writeWirePair("AccessKeyId", credentials.accessKeyId, to: &writer)
            writer.write("&Signature=" as StaticString)
            mac.withUnsafeBytes { writer.writeFormEncodedBase64($0) }
        }
        var headers: [(name: String, value: String)] = [
            ("host", request.host), ("x-acs-version", request.version), ("x-acs-action", request.action),
        ]
        if !request.body.isEmpty { headers.append(("content-type", formContentType)) }
        return SignedRequest(
            method: request.method, host: request.host, path: request.path, query: query, headers: headers,
            body: request.body)
    }

    /// The UTF-8 bytes of every name and value, plus 2 per pair for its separators.
    private static func byteCount(_ pairs: [CanonicalQuery.Pair]) -> Int {
        var count = 0
        for pair in pairs { count += pair.name.utf8.count + pair.value.utf8.count + 2 }
        return count
    }

    /// Writes `name=value` percent-encoded twice over (after `%26` unless `first`), as v1 signs a pair.
    @inline(__always)
    private static func writeV1SignedPair(_ name: String, _ value: String, to writer: inout ByteWriter, first: Bool) {
        if !first { writer.write("%26" as StaticString) }
        writer.writeDoublyPercentEncoded(name)
        writer.write("%3D" as StaticString)
        writer.writeDoublyPercentEncoded(value)
    }

    /// Writes `name=value` form-encoded, after `&` unless it is the first pair.
    @inline(__always)
    private static func writeWirePair(_ name: String, _ value: String, to writer: inout ByteWriter) {
        if writer.count > 0 { writer.write(UInt8(ascii: "&")) }
        writer.writePercentEncoded(name, spaceAsPlus: true)
        writer.write(UInt8(ascii: "="))
        writer.writePercentEncoded(value, spaceAsPlus: true)
    }

    /// Calls `body` with every pair of `own` (skipping names v1 sets itself) and `common`, in name order.
    @inline(__always)
    private static func forEachMerged(
        _ own: [CanonicalQuery.Pair], _ common: [CanonicalQuery.Pair], hasToken: Bool, _ body: (String, String) -> Void
    ) {
        var o = 0
        var c = 0
        func skipCommonNames() {
            while o < own.count && isV1CommonName(own[o].name, hasToken: hasToken) { o += 1 }
        }
        skipCommonNames()
        while o < own.count || c < common.count {
            if c == common.count || (o < own.count && ByteWriter.precedesByBytes(own[o].name, common[c].name)) {
                body(own[o].name, own[o].value)
                o += 1
                skipCommonNames()
            } else {
                body(common[c].name, common[c].value)
                c += 1
            }
        }
    }

    /// The signed pairs of a request with a form body: the body's pairs, overridden by the query's, sorted.
    private static func formSignedPairs(
        own: [CanonicalQuery.Pair], common: [CanonicalQuery.Pair], hasToken: Bool, body: String
    ) -> [CanonicalQuery.Pair] {
        var all = WireQuery.parse(body)
        forEachMerged(own, common, hasToken: hasToken) { all[$0] = $1 }
        return CanonicalQuery.sortedPairs(all)
    }

    /// Whether RPC v1 sets this parameter itself (so a caller's copy is dropped; a `Signature` never signs itself).
    private static func isV1CommonName(_ name: String, hasToken: Bool) -> Bool {
        // Every common name starts with one of these letters; most API names are ruled out without a string comparison.
        switch name.utf8.first {
        case UInt8(ascii: "A"), UInt8(ascii: "F"), UInt8(ascii: "S"), UInt8(ascii: "T"), UInt8(ascii: "V"): break
        default: return false
        }
        switch name {
        case "Action", "Format", "Version", "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion",
            "AccessKeyId", "Signature":
            return true
        case "SecurityToken":
            return hasToken
        default:
            return false
        }
    }
}
