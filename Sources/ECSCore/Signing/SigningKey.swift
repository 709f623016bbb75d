import Crypto

/// An access key secret turned into a keyed HMAC once, so that signing many requests skips the key schedule.
///
/// Immutable after creation; every use copies the keyed state (copy-on-write) before feeding it, so one
/// key may sign on many threads at once.
public struct SigningKey: @unchecked Sendable {
    /// The scheme this key signs for.
    public let scheme: SignatureScheme
    private let secret: Secret
    private let v3: HMAC<SHA256>?
    private let v1: HMAC<Insecure.SHA1>?

    /// Prepares `secret` for `scheme`: HMAC-SHA256 keyed with the secret (V3), HMAC-SHA1 with `secret&` (v1).
    public init(secret: Secret, scheme: SignatureScheme) {
        self.scheme = scheme
        self.secret = secret
        switch scheme {
        case .v3:
            v3 = HMAC(key: Self.symmetricKey(secret, suffix: ""))
            v1 = nil
        case .v1:
            v3 = nil
            v1 = HMAC(key: Self.symmetricKey(secret, suffix: "&"))
        }
    }

    /// Whether this key was made from `secret` for `scheme`.
    public func matches(_ secret: Secret, scheme: SignatureScheme) -> Bool {
        self.scheme == scheme && self.secret == secret
    }

    /// Hex HMAC-SHA256 of `message` into `writer` (64 bytes); the key must be a V3 key.
    func writeV3Signature(of message: UnsafeRawBufferPointer, to writer: inout ByteWriter) {
        var mac = v3!
        mac.update(data: message)
        mac.finalize().withUnsafeBytes { writer.writeLowerHex($0) }
    }

    /// HMAC-SHA1 of `message` (20 bytes, sent as base64); the key must be a v1 key.
    func v1MAC(of message: UnsafeRawBufferPointer) -> HashedAuthenticationCode<Insecure.SHA1> {
        var mac = v1!
        mac.update(data: message)
        return mac.finalize()
    }

    private static func symmetricKey(_ secret: Secret, suffix: StaticString) -> SymmetricKey {
        let secret = secret.reveal()
        return ByteWriter.withScratch(capacity: secret.utf8.count + suffix.utf8CodeUnitCount) { writer in
            writer.write(secret)
            writer.write(suffix)
            return SymmetricKey(data: writer.written)
        }
    }
}

extension SigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The scheme only: the keyed state is as secret as the secret.
    public var description: String { "SigningKey(\(scheme.rawValue), \(Secret.redacted))" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror with no children, so `dump` and reflection show nothing of the keyed state.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
