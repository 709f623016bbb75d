import Foundation

/// Unique identifiers in UUID version 4 text form (upper case, like `UUID().uuidString`), for
/// signature nonces and request ids: a xoshiro256** generator seeded once from the system's
/// random source. Nonces must be unique, not secret (the signature covers them); `UUID()` on Linux
/// opens and reads `/dev/urandom` on every call, which costs more than signing the request.
public final class UniqueIdentifierSource: @unchecked Sendable {
    /// The process-wide source.
    public static let shared = UniqueIdentifierSource()

    private let lock = NSLock()
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A source seeded with 256 bits from `SystemRandomNumberGenerator`.
    public convenience init() {
        var system = SystemRandomNumberGenerator()
        self.init(seed: (system.next(), system.next(), system.next(), system.next()))
    }

    /// A source with a fixed seed (tests); an all-zero seed is replaced, as xoshiro cannot leave it.
    init(seed: (UInt64, UInt64, UInt64, UInt64)) {
        state = seed == (0, 0, 0, 0) ? (0x9E37_79B9_7F4A_7C15, 1, 2, 3) : seed
    }

    /// The next identifier, e.g. `3F2504E0-4F89-41D3-9A0C-0305E82C3301`.
    public func next() -> String {
        lock.lock()
        let high = step()
        let low = step()
        lock.unlock()
        // Version 4 in the 13th hex digit, variant 10xx in the 17th, as RFC 9562 lays out random UUIDs.
        let versioned = (high & ~0xF000) | 0x4000
        let varianted = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            let digits: StaticString = "0123456789ABCDEF"
            var index = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    buffer[index] = digits.utf8Start[Int((value >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(versioned >> 32, nibbles: 8)
            dash()
            put(versioned >> 16, nibbles: 4)
            dash()
            put(versioned, nibbles: 4)
            dash()
            put(varianted >> 48, nibbles: 4)
            dash()
            put(varianted, nibbles: 12)
            return index
        }
    }

    /// xoshiro256** (Blackman and Vigna): one 64-bit output. Called with the lock held.
    private func step() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
