import Foundation

/// A `SeededGenerator` shared between threads: each draw takes the next value of the one sequence.
final class LockedGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: SeededGenerator

    /// Creates a shared generator from a seed.
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// The next value in 0..<1.
    func unit() -> Double { lock.withLock { generator.unit() } }
}
