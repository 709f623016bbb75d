import Foundation

extension ECSClient {
    /// The answer the client gives for an intercepted dry-run request.
    public static let dryRunResponse: JSONValue = ["RequestId": "dry-run", "DryRun": true]

    /// Runs one call through the pipeline with retries; parameters are final (region filled, validated).
    func perform(action: String, parameters: [String: String]) async throws -> JSONValue {
        try await perform(action: action, parameters: parameters, dryRun: Self.dryRunResponse) { body in
            let json = try JSONValue.parse(body)
            return (json, json["RequestId"]?.stringValue)
        }
    }

    /// As `perform`, but the successful answer's JSON text is returned as it came, undecoded.
    func performReturningBody(action: String, parameters: [String: String]) async throws -> Data {
        try await perform(action: action, parameters: parameters, dryRun: Data(Self.dryRunResponse.jsonText.utf8)) { body in
            (body, nil)
        }
    }

    /// The pipeline: credentials, endpoint, dry run, then attempts (limiter, signing, transport) until an
    /// answer `decode` accepts or a failure the retry policy gives up on; `decode` also names the request id.
    private func perform<Answer>(
        action: String, parameters: [String: String], dryRun: @autoclosure () -> Answer,
        decode: (Data) throws -> (Answer, requestId: String?)
    ) async throws -> Answer {
        let credentials = try resolveCredentials()
        // Made only on the paths that show text (dry run, errors): each secret's spellings cost ~2% of a request.
        func redactor() -> SecretRedactor { SecretRedactor(credentials: credentials) }
        let endpoint = try resolveEndpoint()
        let unsigned = UnsignedRequest(
            host: endpoint.host, action: action, version: configuration.apiVersion, parameters: parameters)

        if configuration.dryRun && ClientConfiguration.isMutating(action: action) {
            let request = try sign(unsigned, credentials: credentials, endpoint: endpoint)
            configuration.dryRunSink?(DryRunText.render(request, redactor: redactor()))
            return dryRun()
        }

        let policy = configuration.retry
        let resendable = ClientConfiguration.isIdempotent(action: action, parameters: parameters)
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw ECSClientError.cancelled }
            var waited: TimeInterval = 0
            if let limiter {
                waited = try await limiter.acquire(accessKeyId: credentials.accessKeyId, action: action)
            }
            // Every attempt is signed anew: a fresh nonce and timestamp, or the server rejects the replay.
            let request = try sign(unsigned, credentials: credentials, endpoint: endpoint)
            let started = ContinuousClock.now
            debug(
                "ecs request  \(action) attempt=\(attempt)/\(policy.maxAttempts) \(request.method) "
                    + "\(endpoint.origin)\(unsigned.path)"
                    + (waited > 0 ? " rate-wait=\(Self.seconds(waited))" : ""))
            let failure: any Error
            do {
                let response = try await transport.send(request, timeout: configuration.readTimeout)
                let elapsed = ContinuousClock.now - started
                if (200..<300).contains(response.status) {
                    let answer: (Answer, requestId: String?)
                    do {
                        answer = try decode(response.body)
                    } catch {
                        debug(responseLine(action, attempt, status: response.status, requestId: nil, elapsed, "Client.Decoding"))
                        throw error
                    }
                    if configuration.debugSink != nil {
                        // An undecoded answer (the Lua path) names its request id in the header ECS sends; a server
                        // chose it, so it is made printable and redacted like an error's texts.
                        let requestId = (answer.requestId ?? response.header("x-acs-request-id"))
                            .map { redactor().redact(ServerText.printable($0)) }
                        debug(responseLine(action, attempt, status: response.status, requestId: requestId, elapsed, nil))
                    }
                    return answer.0
                }
                // Every text the server chose is redacted: a server may echo the token anywhere (code, ids, ...).
                let redacting = redactor()
                let error = ECSServiceError.parse(
                    status: response.status, body: response.body, action: action, headers: response.headers
                ).mappingServerTexts(redacting.redact)
                debug(responseLine(action, attempt, status: response.status, requestId: error.requestId, elapsed, error.code))
                failure = error
            } catch let error as ECSClientError {
                if error == .cancelled { throw error }
                let redacted = Self.redact(error, with: redactor())
                debug(responseLine(action, attempt, status: nil, requestId: nil, ContinuousClock.now - started, redacted.code))
                failure = redacted
            } catch is CancellationError {
                throw ECSClientError.cancelled
            } catch {
                let mapped = ECSClientError.transport(redactor().redact(String(describing: error)))
                debug(responseLine(action, attempt, status: nil, requestId: nil, ContinuousClock.now - started, mapped.code))
                failure = mapped
            }
            guard let delay = policy.delay(afterAttempt: attempt, error: failure) else { throw failure }
            // A change that is not idempotent is sent again only when the server certainly did not act on it
            // (it throttled the request, or no connection was made); after a lost connection, a timeout or a
            // 5xx it might have.
            let throttled = (failure as? ECSServiceError)?.isThrottling ?? false
            let unapplied = throttled || ((failure as? ECSClientError)?.isConnectFailure ?? false)
            if !resendable && !unapplied {
                debug("ecs no retry \(action): it is not idempotent and may have been applied")
                throw failure
            }
            debug("ecs retry    \(action) attempt=\(attempt + 1)/\(policy.maxAttempts) after=\(Self.seconds(delay))")
            do {
                try await policy.sleeper(delay)
            } catch {
                throw ECSClientError.cancelled
            }
        }
    }

    /// Resolves the credentials, turning any provider failure into `ECSClientError.noCredentials`.
    func resolveCredentials() throws -> Credentials {
        do {
            return try configuration.credentials.resolve()
        } catch let error as ECSClientError {
            throw error
        } catch {
            throw ECSClientError.noCredentials("\(configuration.credentials.name): \(error)")
        }
    }

    /// The endpoint's scheme, host (with port) and origin text.
    func resolveEndpoint() throws -> ResolvedEndpoint {
        let endpoint = try endpoints.endpoint {
            let url: URL
            do {
                url = try EndpointResolver.url(
                    region: configuration.region, override: configuration.endpoint, vpc: configuration.vpc,
                    insecure: configuration.insecure)
            } catch EndpointError.insecure(let rejected) {
                throw ECSClientError.insecureEndpoint(rejected)
            }
            guard let endpoint = ResolvedEndpoint(url: url) else {
                throw ECSClientError.transport("endpoint has no host: \(url.absoluteString)")
            }
            return endpoint
        }
        if endpoint.scheme == "http" && !endpoint.isLoopback && plainHTTPWarned.first() {
            configuration.warnSink?("sending requests over plain HTTP to \(endpoint.origin)")
        }
        return endpoint
    }

    /// Signs `unsigned` with a fresh nonce and the current time and builds the wire request.
    func sign(_ unsigned: UnsignedRequest, credentials: Credentials, endpoint: ResolvedEndpoint) throws -> HTTPRequestData {
        let key = signingKeys.key(for: credentials.accessKeySecret, scheme: configuration.signature)
        let signed = RequestSigner.sign(unsigned, credentials: credentials, key: key, date: now(), nonce: makeNonce())
        let text = endpoint.origin + signed.path + (signed.query.isEmpty ? "" : "?" + signed.query)
        guard let url = URL(string: text) else {
            throw ECSClientError.transport("cannot form a URL for \(unsigned.action)")
        }
        return HTTPRequestData(method: signed.method, url: url, headers: signed.headers, body: Data(signed.body.utf8))
    }

    private func debug(_ line: @autoclosure () -> String) {
        guard let sink = configuration.debugSink else { return }
        sink(line())
    }

    private func responseLine(
        _ action: String, _ attempt: Int, status: Int?, requestId: String?, _ elapsed: Duration, _ code: String?
    ) -> String {
        var line = "ecs response \(action) attempt=\(attempt)/\(configuration.retry.maxAttempts)"
        line += status.map { " status=\($0)" } ?? " status=-"
        if let code { line += " code=\(code)" }
        line += " request-id=\(requestId ?? "-")"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        line += " elapsed=\(Self.seconds(seconds))"
        return line
    }

    static func seconds(_ value: TimeInterval) -> String {
        String(format: "%.3fs", value)
    }

    static func redact(_ error: ECSClientError, with redactor: SecretRedactor) -> ECSClientError {
        switch error {
        case .transport(let text): return .transport(redactor.redact(text))
        case .decoding(let text): return .decoding(redactor.redact(text))
        case .noCredentials(let text): return .noCredentials(redactor.redact(text))
        case .insecureEndpoint(let text): return .insecureEndpoint(redactor.redact(text))
        case .timeout, .cancelled: return error
        }
    }
}
