import CLuaShim

/// C's stdout, where Lua's `print` writes: output written here stays in order with it.
public enum StandardOutput {
    /// Writes the bytes as they are; `flush` pushes them out at once, as Lua's print does after each line.
    public static func write(_ bytes: [UInt8], flush: Bool = false) {
        bytes.withUnsafeBufferPointer { cluashim_write_stdout($0.baseAddress, $0.count, flush ? 1 : 0) }
    }
}
