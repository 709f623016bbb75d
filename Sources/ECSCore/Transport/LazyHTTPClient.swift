import AsyncHTTPClient
import Foundation

/// Creates the `HTTPClient` (and so starts NIO's event loop threads) on the first request only,
/// so a script that never calls the API starts as fast as plain Lua; shut down at most once.
final class LazyHTTPClient: @unchecked Sendable {
    private enum State {
        case idle
        case running(HTTPClient)
        case shutDown
    }

    private let configuration: HTTPClient.Configuration
    private let lock = NSLock()
    private var state = State.idle

    init(configuration: HTTPClient.Configuration) {
        self.configuration = configuration
    }

    /// The client, created on first use; after shutdown a request fails as a transport error.
    func get() throws -> HTTPClient {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .running(let client): return client
        case .shutDown: throw ECSClientError.transport("the HTTP client was shut down")
        case .idle:
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            state = .running(client)
            return client
        }
    }

    /// Marks the client shut down and returns it when one was started (the caller shuts it down).
    func retire() -> HTTPClient? {
        lock.lock()
        defer { lock.unlock() }
        let previous = state
        state = .shutDown
        if case .running(let client) = previous { return client }
        return nil
    }
}
