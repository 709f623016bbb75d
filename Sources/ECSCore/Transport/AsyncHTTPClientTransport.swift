import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The production transport: one shared `HTTPClient` with connection pooling and bounded timeouts.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The largest response body accepted (DescribeImages pages are far smaller).
    public static let maxBodyBytes = 32 * 1024 * 1024

    private let client: LazyHTTPClient
    private let executor: (any TaskExecutor)?

    /// Creates the client; `connectTimeout` bounds connection set-up, `readTimeout` the wait for bytes.
    public init(connectTimeout: TimeInterval = 5, readTimeout: TimeInterval = 10) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .milliseconds(Self.milliseconds(connectTimeout)), read: .milliseconds(Self.milliseconds(readTimeout)))
        configuration.redirectConfiguration = .disallow
        // A refused or failed connection fails the attempt at once; the client's RetryPolicy retries it with
        // its backoff. The pool's own retrying kept trying until the connect timeout (a refused port took
        // 5 s per attempt, 20 s in all).
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .size(Self.maxBodyBytes))
        // No tracing: by default every request would open a span on the global (no-op) tracer and
        // parse its URL once more for the span's attributes.
        configuration.tracing.tracer = nil
        client = LazyHTTPClient(configuration: configuration)
        if #available(macOS 15, *) {
            executor = EventLoopTaskExecutor(client: client)
        } else {
            executor = nil
        }
    }

    /// Whole milliseconds of a timeout, kept within 1 ms...`ClientConfiguration.maximumTimeout` (a larger
    /// value would trap converting to Int64).
    static func milliseconds(_ seconds: TimeInterval) -> Int64 {
        Int64((min(max(seconds.isNaN ? 0 : seconds, 0.001), ClientConfiguration.maximumTimeout) * 1000).rounded())
    }

    /// The client's event loop as a task executor: a task preferring it runs beside its connection.
    public var preferredExecutor: (any TaskExecutor)? { executor }

    /// Sends the request; `timeout` is the deadline for the whole exchange, body included.
    public func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let deadline = NIODeadline.now() + .milliseconds(Self.milliseconds(timeout))
        do {
            let response = try await client.get().execute(outgoing, deadline: deadline)
            let buffer: ByteBuffer
            do {
                buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
            } catch {
                // A 5xx is a 5xx (retryable) whatever became of its body.
                if response.status.code >= 500, case .decoding(let detail) = Self.map(error) {
                    throw ECSClientError.transport("HTTP \(response.status.code) with an unreadable body: \(detail)")
                }
                throw error
            }
            return HTTPResponseData(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: buffer.withUnsafeReadableBytes { Data($0) })
        } catch {
            throw Self.map(error)
        }
    }

    /// Shuts the client down, closing pooled connections; later calls do nothing.
    public func shutdown() async {
        guard let retired = client.retire() else { return }
        await Self.close(retired)
    }

    // async-http-client traps when a client is released without shutdown; a transport dropped on an
    // error path must not take the process down, so the task keeps the client alive until it is shut down.
    deinit {
        guard let retired = client.retire() else { return }
        Task { await Self.close(retired) }
    }

    /// Shuts a retired client down, then its event loop group (the client's connections run on it).
    private static func close(_ retired: (client: HTTPClient, group: MultiThreadedEventLoopGroup)) async {
        try? await retired.client.shutdown()
        try? await retired.group.shutdownGracefully()
    }

    /// Maps async-http-client and NIO errors to `ECSClientError`; read timeouts become `.timeout`.
    static func map(_ error: any Error) -> ECSClientError {
        if let error = error as? ECSClientError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            if [.readTimeout, .deadlineExceeded, .writeTimeout].contains(error) { return .timeout }
            if error == .cancelled { return .cancelled }
            if error == .connectTimeout { return .transport(ECSClientError.cannotConnect + "connect timeout") }
            if error == .remoteConnectionClosed { return .transport("the server closed the connection") }
        }
        if error is NIOTooManyBytesError { return .decoding("response body larger than \(maxBodyBytes) bytes") }
        if let error = error as? HTTPParserError { return .transport("the server's answer is not valid HTTP (\(error))") }
        // NIOHTTPCompression's DecompressionError (a module this target does not depend on directly): a gzip or
        // deflate body that is corrupt or inflates past the limit. Reading it again would give the same bytes.
        if String(reflecting: type(of: error)).hasSuffix(".DecompressionError") {
            return .decoding("the answer's compressed body is corrupt or inflates past \(maxBodyBytes) bytes (\(error))")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .transport(ECSClientError.cannotConnect + "connect timeout")
        }
        // The system's own words ("Connection refused"), not NIO's wrapping of them.
        // A refusal answers a connection attempt (a reset of an established connection is ECONNRESET), so
        // nothing was sent. (Linux can also report one on an established connection, but only after minutes
        // of retransmissions, which the read timeout ends first unless it is set to minutes.) An unreachable
        // host is often reported late on an established connection, so only inside NIOConnectionError
        // (below) does it mean that nothing was sent.
        if let error = error as? IOError {
            let words = String(cString: strerror(error.errnoCode))
            return .transport(error.errnoCode == ECONNREFUSED ? ECSClientError.cannotConnect + words : words)
        }
        if let error = error as? NIOConnectionError {
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return .transport(ECSClientError.cannotConnect + "cannot resolve \(error.host): \(dns)")
            }
            if let first = error.connectionErrors.first {
                let mapped = map(first.error)
                if case .transport(let text) = mapped, !text.hasPrefix(ECSClientError.cannotConnect) {
                    return .transport(ECSClientError.cannotConnect + text)
                }
                return mapped
            }
        }
        return .transport(String(describing: error))
    }
}
