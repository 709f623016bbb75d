import ECSValidation

/// A local validation failure is an ECS error too: same code as the server's, never worth retrying.
extension ValidationError: ECSError {
    /// Always false: the same parameters fail the same way.
    public var retryable: Bool { false }
}
