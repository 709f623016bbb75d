import Foundation

/// The client's last prepared `SigningKey`, rebuilt only when the resolved secret or the scheme changes.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: SigningKey?

    /// The key for `secret` and `scheme`, from the cache when it still matches.
    func key(for secret: Secret, scheme: SignatureScheme) -> SigningKey {
        lock.lock()
        if let cached, cached.matches(secret, scheme: scheme) {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let fresh = SigningKey(secret: secret, scheme: scheme)
        lock.lock()
        cached = fresh
        lock.unlock()
        return fresh
    }
}
