import Foundation

/// Bytes read from a pipe on a background thread, readable from any thread while they arrive.
public final class OutputBuffer: @unchecked Sendable {
    private let lock = NSCondition()
    private var data = Data()
    private var finished = false

    /// Starts draining `handle` until end of file.
    public init(draining handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                lock.lock()
                if chunk.isEmpty { finished = true } else { data.append(chunk) }
                lock.broadcast()
                lock.unlock()
                if chunk.isEmpty { break }
            }
        }
        thread.start()
    }

    /// The text read so far.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until the text contains `needle`, end of file, or the deadline; returns whether it was found.
    public func wait(for needle: String, until deadline: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if String(decoding: data, as: UTF8.self).contains(needle) { return true }
            if finished || !lock.wait(until: deadline) { return String(decoding: data, as: UTF8.self).contains(needle) }
        }
    }

    /// Waits until end of file or the deadline; returns whether end of file was reached.
    @discardableResult
    public func waitForEnd(until deadline: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while !finished {
            if !lock.wait(until: deadline) { return finished }
        }
        return true
    }
}
