/// The request signature algorithm: ACS3-HMAC-SHA256 (`v3`, the default of the current SDKs) or RPC HMAC-SHA1 (`v1`).
public enum SignatureScheme: String, Sendable, CaseIterable {
    /// ACS3-HMAC-SHA256: `x-acs-*` headers plus an `Authorization` header.
    case v3
    /// RPC signature v1: HMAC-SHA1 over the sorted query, `Signature` in the query.
    case v1
}
