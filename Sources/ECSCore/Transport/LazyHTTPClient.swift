import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Creates the `HTTPClient` and its one event loop thread on the first request only, so a script that
/// never calls the API starts as fast as plain Lua; shut down at most once.
///
/// The client has an event loop of its own (not NIO's shared group) so that request tasks can run on
/// the very thread that owns their connections (`EventLoopTaskExecutor`): no thread hop per request.
final class LazyHTTPClient: @unchecked Sendable {
    private enum State {
        case idle
        case running(HTTPClient, MultiThreadedEventLoopGroup)
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
        guard let (client, _) = startIfIdle() else { throw ECSClientError.transport("the HTTP client was shut down") }
        return client
    }

    /// The client's event loop, started on first use; nil once shut down.
    func eventLoop() -> (any EventLoop)? {
        lock.lock()
        defer { lock.unlock() }
        return startIfIdle()?.group.next()
    }

    /// Marks the client shut down and returns it with its loop group when they were started (the caller shuts them down).
    func retire() -> (client: HTTPClient, group: MultiThreadedEventLoopGroup)? {
        lock.lock()
        defer { lock.unlock() }
        let previous = state
        state = .shutDown
        if case .running(let client, let group) = previous { return (client, group) }
        return nil
    }

    /// The running client and group, started now if idle; nil after shutdown. Called with the lock held.
    private func startIfIdle() -> (client: HTTPClient, group: MultiThreadedEventLoopGroup)? {
        switch state {
        case .running(let client, let group): return (client, group)
        case .shutDown: return nil
        case .idle:
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let client = HTTPClient(eventLoopGroup: group, configuration: configuration)
            state = .running(client, group)
            return (client, group)
        }
    }
}
