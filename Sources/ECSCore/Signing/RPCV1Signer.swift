import Crypto
import Foundation

/// RPC signature v1 (HMAC-SHA1), one pure function per step; the canonical query comes from `CanonicalQuery.make`.
public enum RPCV1Signer {
    /// `METHOD&%2F&pe(CanonicalQuery)`.
    public static func stringToSign(method: String, canonicalQuery: String) -> String {
        method + "&%2F&" + PercentEncoding.encode(canonicalQuery)
    }

    /// Base64 HMAC-SHA1 of the string to sign, keyed with `secret + "&"` (pass the bare secret).
    public static func signature(stringToSign: String, secret: String) -> String {
        let key = SymmetricKey(data: Array((secret + "&").utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Array(stringToSign.utf8), using: key)
        return Data(mac).base64EncodedString()
    }
}
