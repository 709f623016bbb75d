import ECSCore
import LuaBridge

extension ECSContext {
    /// Runs a request for a Lua call: inside `ecs.parallel` it yields the calling coroutine while the
    /// request is in flight; elsewhere it blocks, polling Ctrl-C every 50 ms.
    func perform(_ call: LuaCall, _ request: PendingRequest) throws -> LuaCallResult {
        if let scheduler = schedulers.last, call.isYieldable, scheduler.owns(call.threadIdentity) {
            scheduler.submit(request, from: call.threadIdentity)
            return .yield(0)
        }
        let value = try wait(request)
        do {
            return .values(try request.finish(call, value))
        } catch {
            throw request.failure(error, answered: true)
        }
    }

    /// Runs the request's work to completion on the Lua thread (no yielding).
    func wait(_ request: PendingRequest) throws -> ResponsePayload {
        let box = ResultBox<ResponsePayload>()
        let work = request.work
        let task = startTask {
            do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
        }
        var result: Result<ResponsePayload, any Error>?
        while result == nil {
            result = box.wait(seconds: 0.05)
            if result == nil && LuaInterrupt.isRequested {
                task.cancel()
                flushDryRunText()
                // As ecs.parallel's report does: a change that was on its way may have been applied.
                if request.mayChange, !configuration.dryRun {
                    errorOutput("ecsh: \(request.action ?? "the request")\(request.location.map { " (\($0))" } ?? "") was in "
                        + "flight when interrupted: it may or may not have been applied\n")
                }
                throw LuaError(message: LuaInterrupt.message)
            }
        }
        flushDryRunText()
        switch result! {
        case .success(let value): return value
        case .failure(let error): throw request.failure(error)
        }
    }

    /// Starts a request's task on the client's preferred executor (its HTTP event loop), so the task,
    /// its signing and its connection's I/O stay on one thread.
    func startTask(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        if #available(macOS 15, *) {
            return Task(executorPreference: client.preferredExecutor, operation: body)
        }
        return Task(operation: body)
    }

    /// A request that sends `action` through the client (validated first unless `raw`).
    func request(
        action: String, parameters: [String: ParameterValue], raw: Bool = false, location: String?,
        finish: @escaping (LuaCall, ResponsePayload) throws -> Int32
    ) -> PendingRequest {
        let client = self.client
        let flat = ParameterFlattener.flatten(parameters)
        var request = PendingRequest(action: action, location: location, work: {
            ResponsePayload(
                text: raw
                    ? try await client.callReturningBody(action: action, parameters: flat)
                    : try await client.sendReturningBody(action: action, parameters: flat))
        }, finish: finish)
        request.mayChange = ClientConfiguration.isMutating(action: action)
        return request
    }
}
