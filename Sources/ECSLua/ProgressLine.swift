import Foundation

/// The progress line of a long `ecs.parallel` on a terminal: done/total, rate, errors, ETA; cleared at the end.
final class ProgressLine {
    private let total: Int
    private let write: (String) -> Void
    private let started = Date()
    private var done = 0
    private var errors = 0
    private var lastDrawn: Date?
    private var shown = false
    /// Seconds a job runs before the line appears (short jobs never show one).
    static let delay: TimeInterval = 0.5

    /// A line for `total` items, written with `write` (standard error).
    init(total: Int, write: @escaping (String) -> Void) {
        self.total = total
        self.write = write
    }

    /// Counts one finished item.
    func record(ok: Bool) {
        done += 1
        if !ok { errors += 1 }
        update()
    }

    /// Redraws at most ten times a second, once the job has run for `delay`.
    func update() {
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= Self.delay, done < total else { return }
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1 { return }
        lastDrawn = now
        shown = true
        write("\r\u{1B}[2K" + Self.text(done: done, total: total, errors: errors, elapsed: elapsed))
    }

    /// Clears the line if it was shown.
    func finish() {
        if shown { write("\r\u{1B}[2K") }
        shown = false
    }

    /// `ecs.parallel 120/300  40.0/s  2 errors  ETA 5s`.
    static func text(done: Int, total: Int, errors: Int, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "ecs.parallel \(done)/\(total)  " + String(format: "%.1f/s", rate) + "  \(errors) error" + (errors == 1 ? "" : "s")
        if rate > 0 {
            let eta = Int((Double(total - done) / rate).rounded(.up))
            text += "  ETA " + (eta >= 60 ? "\(eta / 60)m\(eta % 60)s" : "\(eta)s")
        }
        return text
    }
}
