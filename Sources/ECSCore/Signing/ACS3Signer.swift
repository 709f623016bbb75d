import Crypto
import Foundation

/// ACS3-HMAC-SHA256 (V3) signing, one pure function per step of the specification.
public enum ACS3Signer {
    /// The algorithm name that opens the string to sign and the `Authorization` header.
    public static let algorithm = "ACS3-HMAC-SHA256"

    /// Step 1: `METHOD \n URI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n HashedPayload`.
    public static func canonicalRequest(
        method: String, path: String, canonicalQuery: String, canonicalHeaders: String,
        signedHeaders: String, hashedPayload: String
    ) -> String {
        method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
            + hashedPayload
    }

    /// Canonical headers (`name:trimmed value\n` per lower-cased name, sorted) and the `;`-joined signed header list.
    ///
    /// Names differing only in case are merged, their values joined by `,` in name order, so the result is deterministic.
    public static func canonicalHeaders(_ headers: [String: String]) -> (canonical: String, signed: String) {
        var merged: [String: String] = [:]
        for name in headers.keys.sorted() {
            let lower = name.lowercased()
            let value = trim(headers[name]!)
            if let existing = merged[lower] {
                merged[lower] = existing + "," + value
            } else {
                merged[lower] = value
            }
        }
        let names = merged.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var canonical = ""
        for name in names {
            canonical += name + ":" + merged[name]! + "\n"
        }
        return (canonical, names.joined(separator: ";"))
    }

    /// Hex SHA-256 of the body's UTF-8 bytes (`e3b0c442...` for an empty body); also the `x-acs-content-sha256` value.
    public static func hashedPayload(_ body: String) -> String {
        var body = body
        return body.withUTF8 { Hex.encode(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Step 2: `ACS3-HMAC-SHA256 \n hex(sha256(CanonicalRequest))`.
    public static func stringToSign(canonicalRequest: String) -> String {
        var canonicalRequest = canonicalRequest
        return algorithm + "\n" + canonicalRequest.withUTF8 { Hex.encode(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Step 3: hex HMAC-SHA256 of the string to sign, keyed with the access key secret.
    public static func signature(stringToSign: String, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        var stringToSign = stringToSign
        return stringToSign.withUTF8 {
            Hex.encode(HMAC<SHA256>.authenticationCode(for: UnsafeRawBufferPointer($0), using: key))
        }
    }

    /// Step 4: `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>`.
    public static func authorization(accessKeyId: String, signedHeaders: String, signature: String) -> String {
        algorithm + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature
    }

    /// Splits an `Authorization` header back into its parts (for a verifier); nil when it is not a complete ACS3 header.
    public static func parseAuthorization(_ header: String) -> (accessKeyId: String, signedHeaders: [String], signature: String)? {
        // Read as UTF-8 bytes: every delimiter is ASCII, and grapheme-by-grapheme Character work
        // made this the costliest step of an emulator request.
        let prefix = algorithm + " "
        guard header.utf8.starts(with: prefix.utf8) else { return nil }
        var credential: String?
        var signedHeaders: String?
        var signature: String?
        let fields = Substring(header).utf8.dropFirst(prefix.utf8.count)
        for field in fields.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let part = trimmedASCII(field)
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let value = String(Substring(part[part.index(after: equals)...]))
            switch String(Substring(part[..<equals])) {
            case "Credential": credential = value
            case "SignedHeaders": signedHeaders = value
            case "Signature": signature = value
            default: return nil
            }
        }
        guard let credential, !credential.isEmpty, let signedHeaders, !signedHeaders.isEmpty,
            let signature, !signature.isEmpty
        else { return nil }
        let names = signedHeaders.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        guard !names.contains(where: \.isEmpty) else { return nil }
        return (credential, names, signature)
    }

    /// `bytes` without leading or trailing space, tab, CR or LF.
    private static func trimmedASCII(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        guard let first = bytes.firstIndex(where: { !ByteWriter.isSpace($0) }),
            let last = bytes.lastIndex(where: { !ByteWriter.isSpace($0) })
        else { return bytes[bytes.endIndex...] }
        return bytes[first...last]
    }

    /// `s` without leading or trailing space, tab, CR or LF (byte-wise, as the one-pass signer trims).
    private static func trim(_ s: String) -> String {
        String(Substring(trimmedASCII(Substring(s).utf8)))
    }
}
