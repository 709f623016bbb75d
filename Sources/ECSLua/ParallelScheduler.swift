import ECSCore
import Foundation
import LuaBridge

/// Drives `ecs.parallel`'s coroutines on the Lua thread: starts up to `concurrency` of them, and
/// whenever one yields on a request, resumes another; answers arrive from Swift tasks through a
/// `CompletionQueue` and resume the coroutine that waits for them.
final class ParallelScheduler {
    /// Registry key of the Lua runner every coroutine starts with.
    static let runnerKey = "ecs.parallel.runner"
    /// The runner: calls `fn(items[i])` protected and records `{ok=..., value/err=...}` in `results[i]`.
    static let runnerSource = """
        return function(fn, items, i, results)
          local ok, value = pcall(fn, items[i])
          if ok then results[i] = { ok = true, value = value } else results[i] = { ok = false, err = value } end
          return ok
        end
        """

    private let context: ECSContext
    private let state: LuaState
    /// The stack of the `ecs.parallel` call that runs this scheduler: it resumes the coroutines.
    private let caller: LuaCall
    private let keys: (fn: String, items: String, results: String)
    private let total: Int
    private let concurrency: Int
    private let completions = CompletionQueue()
    private var slots: [LuaThreadIdentity: (thread: LuaThread, index: Int)] = [:]
    private var waiting: [Int: (thread: LuaThread, request: PendingRequest)] = [:]
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var submittedDuringResume = false
    private var nextTicket = 0
    private var progress: ProgressLine?
    /// The next item to start (1-based); items before it have started.
    private var next = 1
    /// Items whose coroutine has returned, and how many of those failed (for the Ctrl-C report).
    private var finished = 0
    private var failed = 0

    /// Prepares a run over `total` items whose function, items and results tables are in the registry under
    /// `keys`, for the `ecs.parallel` call `caller`.
    init(
        context: ECSContext, state: LuaState, caller: LuaCall, keys: (fn: String, items: String, results: String), total: Int,
        concurrency: Int
    ) {
        self.context = context
        self.state = state
        self.caller = caller
        self.keys = keys
        self.total = total
        self.concurrency = max(1, concurrency)
        if context.isTerminal { progress = ProgressLine(total: total, write: context.errorOutput) }
    }

    /// Whether `thread` is one of this run's coroutines (a user's own coroutine inside `fn` is not).
    func owns(_ thread: LuaThreadIdentity) -> Bool { slots[thread] != nil }

    /// Starts `request` for the coroutine `thread`, which yields until the answer arrives.
    func submit(_ request: PendingRequest, from thread: LuaThreadIdentity) {
        guard let slot = slots[thread] else { return }
        nextTicket += 1
        let ticket = nextTicket
        waiting[ticket] = (slot.thread, request)
        submittedDuringResume = true
        let queue = completions
        let work = request.work
        tasks[ticket] = context.startTask {
            do { queue.post(ticket: ticket, result: .success(try await work())) } catch { queue.post(ticket: ticket, result: .failure(error)) }
        }
    }

    /// Runs every item; returns when all have finished. Throws on Ctrl-C or a failure of the runner itself.
    func run() throws {
        defer {
            for task in tasks.values { task.cancel() }
            // Coroutines an interruption left suspended are closed: whatever waits on them (an ecs.images
            // iterator whose page one was fetching) sees them dead instead of busy for ever.
            for slot in slots.values { slot.thread.close() }
            progress?.finish()
            context.flushDryRunText()
        }
        do {
            try schedule()
        } catch {
            // Ctrl-C surfaces either here or inside a coroutine being resumed; either way, say what is left.
            if LuaInterrupt.isRequested {
                progress?.finish()
                context.errorOutput(interruptionReport())
            }
            throw error
        }
    }

    /// Starts coroutines and feeds them their answers until every item has finished.
    private func schedule() throws {
        while true {
            while slots.count < concurrency && next <= total {
                let index = next
                next += 1
                state.main.pushRegistryValue(Self.runnerKey)
                let thread = try LuaThread(state: state, resumedFrom: caller)
                // A plain coroutine.yield inside fn is resumed at once: what it yields is nobody's to read.
                thread.keepsYieldedValues = false
                slots[thread.identity] = (thread, index)
                try drive(thread) {
                    try $0.resume(pushing: { co in
                        co.pushRegistryValue(self.keys.fn)
                        co.pushRegistryValue(self.keys.items)
                        co.push(Int64(index))
                        co.pushRegistryValue(self.keys.results)
                        return 4
                    })
                }
            }
            if slots.isEmpty && next > total { return }
            if LuaInterrupt.isRequested { throw LuaError(message: LuaInterrupt.message) }
            let arrived = completions.take(waiting: 0.05)
            if !arrived.isEmpty { context.flushDryRunText() }
            for (ticket, result) in arrived {
                tasks[ticket] = nil
                guard let entry = waiting.removeValue(forKey: ticket) else { continue }
                try drive(entry.thread) { thread in
                    switch result {
                    case .success(let value):
                        do {
                            return try thread.resume(pushing: { co in
                                co.push(true)
                                do {
                                    return try entry.request.finish(co, value) + 1
                                } catch {
                                    throw entry.request.failure(error, answered: true)
                                }
                            })
                        } catch let error as ECSLuaError {
                            return try thread.resumeRaising(error)
                        }
                    case .failure(let error):
                        return try thread.resumeRaising(entry.request.failure(error))
                    }
                }
            }
            progress?.update()
        }
    }

    /// Resumes a coroutine and books what it did: finished, waiting on a request, or yielded by itself.
    private func drive(_ thread: LuaThread, _ first: (LuaThread) throws -> LuaThread.Outcome) throws {
        submittedDuringResume = false
        var outcome = try first(thread)
        while outcome.isYield && !submittedDuringResume {
            // A plain coroutine.yield inside fn is not ours to answer: resume it straight away.
            submittedDuringResume = false
            outcome = try thread.resume()
        }
        if case .returned(let values) = outcome {
            slots[thread.identity] = nil
            let ok = values.first == .boolean(true)
            finished += 1
            if !ok { failed += 1 }
            progress?.record(ok: ok)
        }
    }

    /// What Ctrl-C left behind, so an operator knows which items to check: done, in flight
    /// (their requests may or may not have been applied), and never started.
    private func interruptionReport() -> String {
        let inFlight = slots.values.map(\.index).sorted()
        var text = "ecs.parallel interrupted: \(finished) of \(total) items done (\(finished - failed) ok, \(failed) failed); "
        text += "\(inFlight.count) in flight, outcome unknown"
        if !inFlight.isEmpty {
            let shown = inFlight.prefix(20).map(String.init).joined(separator: ", ")
            text += " (items \(shown)\(inFlight.count > 20 ? ", ..." : ""))"
        }
        return text + "; \(total - (next - 1)) not started\n"
    }
}

extension LuaThread.Outcome {
    /// Whether the coroutine yielded (and can be resumed).
    var isYield: Bool {
        if case .yielded = self { return true }
        return false
    }
}
