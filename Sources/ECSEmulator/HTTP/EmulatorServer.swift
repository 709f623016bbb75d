import Foundation
import Hummingbird
import Logging
import NIOCore

/// The emulator over HTTP (Hummingbird 2): `GET /` and `POST /` on a loopback port, 0 by default.
///
/// `start()` returns once the server accepts connections, with its real URL; the caller prints
/// `listening on ...`, the server itself prints nothing.
public final class EmulatorServer: Sendable {
    /// The options the server was made with.
    public let options: EmulatorOptions
    /// The request handler behind the server; tests may drive it directly.
    public let handler: EmulatorHandler
    private let state = ServerState()

    /// Opens the store (SQLite when `options.dataPath` is set, else memory), seeding a new one.
    /// Throws `StoreError` for a file that is not an emulator database.
    public convenience init(options: EmulatorOptions) throws {
        let seed: () -> [ImageRecord] = { options.seed == .demo ? DemoData.images() : [] }
        let store: any ImageStore
        if let path = options.dataPath {
            store = try SQLiteImageStore(path: path, seed: seed())
        } else {
            store = InMemoryImageStore(images: seed())
        }
        self.init(handler: EmulatorHandler(store: store, options: options), options: options)
    }

    /// Serves an existing handler.
    public init(handler: EmulatorHandler, options: EmulatorOptions) {
        self.handler = handler
        self.options = options
    }

    /// Binds and starts serving; returns `http://HOST:PORT` with the port actually bound.
    public func start() async throws -> URL {
        if let url = state.url { return url }
        let (bound, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let router = Router(context: EmulatorRequestContext.self)
        let handler = self.handler
        let latency = handler.faults.latencyMs
        let respond: @Sendable (Request, EmulatorRequestContext) async throws -> Response = { request, context in
            if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
            let answer = handler.handle(try await HTTPAdapter.request(from: request), now: Date())
            if answer.dropsConnection {
                try? await context.channel.close()
                throw HTTPAdapter.ConnectionDropped()
            }
            return HTTPAdapter.response(from: answer)
        }
        router.get("/", use: respond)
        router.post("/", use: respond)
        // Anything else gets an ECS error body too (it got a bare 404 that SDKs report as an empty answer).
        let notServed: @Sendable (Request, EmulatorRequestContext) async throws -> Response = { request, _ in
            let message = "The ECS API is served by GET or POST on /, not by \(request.method) \(request.uri.path)."
            return HTTPAdapter.response(
                from: EmulatorError("InvalidAction.NotFound", message: message).response(requestId: UUID().uuidString))
        }
        for method in [HTTPRequest.Method.put, .delete, .patch] { router.on("/", method: method, use: notServed) }
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] { router.on("**", method: method, use: notServed) }
        var logger = Logger(label: "ecsh.emulator")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "ecsh-emulator"),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: logger)
        let task = Task {
            do {
                try await app.run()
                continuation.yield(.failure(CancellationError()))
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
        }
        var iterator = bound.makeAsyncIterator()
        guard let result = await iterator.next() else { throw CancellationError() }
        let port = try result.get()
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        guard let url = URL(string: "http://\(host):\(port)") else { throw URLError(.badURL) }
        state.set(task: task, url: url)
        return url
    }

    /// Stops serving and waits until the listening socket is closed.
    public func stop() async {
        guard let task = state.take() else { return }
        task.cancel()
        _ = await task.result
    }

    /// Starts (if needed) and serves until SIGINT or SIGTERM, then stops.
    public func runUntilSignal() async throws {
        try await run(until: [SIGINT, SIGTERM], onReady: {})
    }

    /// Serves until one of `signals` arrives; `onReady` runs once the signals are being caught.
    func run(until signals: [Int32], onReady: @Sendable () -> Void) async throws {
        _ = try await start()
        guard let task = state.task else { return }
        let waiter = SignalWaiter(signals: signals)
        defer { waiter.cancel() }
        onReady()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await waiter.wait() }
            group.addTask { try await task.value }
            _ = try await group.next()
            // Waiting on `task.value` ignores cancellation: stopping the server ends that child.
            task.cancel()
            group.cancelAll()
        }
        await stop()
    }
}
