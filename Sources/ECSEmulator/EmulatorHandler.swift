import ECSCore
import ECSValidation
import Foundation

/// Turns one `EmulatorRequest` into an `EmulatorResponse`: authentication, flow control,
/// injected faults, validation and the image semantics. Pure apart from its store; no sockets.
///
/// Requests are handled one at a time, so every action sees and commits a consistent state.
public final class EmulatorHandler: @unchecked Sendable {
    /// The only API version the emulator serves.
    public static let apiVersion = "2014-05-26"
    /// Largest tolerated difference between the request's clock and the server's.
    public static let maxSkew: TimeInterval = 15 * 60

    static let actions: [String: @Sendable (ActionContext) throws -> JSONNode] = [
        "ModifyImageAttribute": ModifyImageAttributeAction.run,
        "DescribeImages": DescribeImagesAction.run,
        "DescribeImageFromFamily": DescribeImageFromFamilyAction.run,
        "DescribeImageSharePermission": DescribeImageSharePermissionAction.run,
        "ModifyImageSharePermission": ModifyImageSharePermissionAction.run,
        "DescribeRegions": DescribeRegionsAction.run,
        "DeleteImage": DeleteImageAction.run,
    ]

    /// The store the handler reads and commits to.
    public let store: any ImageStore
    /// The options (quotas and rate) in force.
    public let options: EmulatorOptions
    /// The fault plan in force.
    public let faults: FaultPlan
    private let keys: [String: AccessKey]
    private let lock = NSLock()
    /// A request dated up to `maxSkew` ahead stays acceptable until `2 * maxSkew` from now: its nonce is kept that long.
    private var nonces = NonceCache(window: 2 * EmulatorHandler.maxSkew)
    private var throttle: TokenBucketThrottle?

    /// Creates a handler over a store; the fault plan defaults to `options.faultRate` and `options.faultSeed`.
    public init(store: any ImageStore, options: EmulatorOptions = EmulatorOptions(), keys: [AccessKey] = DemoData.accessKeys, faults: FaultPlan? = nil) {
        self.store = store
        self.options = options
        self.faults = faults ?? FaultPlan(rate: options.faultRate, latencyMs: options.latencyMs, seed: options.faultSeed)
        self.keys = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.throttle = options.rate.map { TokenBucketThrottle(tokens: $0.tokens, seconds: $0.seconds) }
    }

    /// Answers one request as ECS would at time `now`; every answer carries a fresh request id, in its body
    /// and, as ECS sends it, in the `x-acs-request-id` header.
    public func handle(_ request: EmulatorRequest, now: Date) -> EmulatorResponse {
        let requestId = UniqueIdentifierSource.shared.next()
        var response = answer(request, now: now, requestId: requestId)
        response.headers["x-acs-request-id"] = requestId
        return response
    }

    private func answer(_ request: EmulatorRequest, now: Date, requestId: String) -> EmulatorResponse {
        lock.lock()
        defer { lock.unlock() }
        do {
            let body = try process(request, now: now, requestId: requestId)
            return .json(200, body)
        } catch let error as EmulatorError {
            return error.response(requestId: requestId)
        } catch let fault as FaultPlan.Fault {
            return EmulatorError("InternalError").response(requestId: requestId).dropping(fault == .dropConnection)
        } catch {
            return EmulatorError("InternalError").response(requestId: requestId)
        }
    }

    private func process(_ request: EmulatorRequest, now: Date, requestId: String) throws -> JSONNode {
        let query = WireQuery.parse(request.query)
        let form = request.hasFormBody ? WireQuery.parse(request.body) : [:]
        let claim = try SignatureVerifier.claim(request, query: query, form: form)
        guard let key = keys[claim.accessKeyId] else { throw EmulatorError("InvalidAccessKeyId.NotFound") }
        try checkClock(claim, now: now)
        try SignatureVerifier.verify(claim, request: request, query: query, form: form, secret: key.secret)
        guard let nonce = claim.nonce, !nonce.isEmpty else { throw EmulatorError.missing(claim.nonceName) }
        guard nonces.insert(nonce, accessKeyId: key.id, now: now) else { throw EmulatorError("SignatureNonceUsed") }

        let all = query.merging(form) { first, _ in first }
        // Only what the signature covers decides: a v1 signature covers the parameters, not the headers (an
        // x-acs-action header added to a signed v1 DescribeImages request would have run DeleteImage).
        let signed = claim.scheme.signsHeaders ? request.headers : [:]
        let action = signed["x-acs-action"] ?? all["Action"] ?? ""
        let version = signed["x-acs-version"] ?? all["Version"] ?? ""
        guard version == EmulatorHandler.apiVersion else { throw EmulatorError("InvalidVersion") }
        guard let run = EmulatorHandler.actions[action] else { throw EmulatorError("InvalidAction.NotFound") }
        guard key.allows(action) else { throw EmulatorError("Forbidden.RAM") }
        if let wait = throttle?.take(account: key.accountId, action: action, now: now) {
            throw EmulatorError("Throttling.User", headers: ["x-acs-retry-after": String(wait)])
        }
        if let fault = faults.draw() {
            switch fault {
            case .serviceUnavailable: throw EmulatorError("ServiceUnavailable")
            case .internalError: throw EmulatorError("InternalError")
            case .dropConnection: throw fault
            }
        }
        let parameters = RequestParameters(all)
        if let invalid = RequestValidator.validate(action: action, parameters: parameters.values) {
            throw EmulatorHandler.translate(invalid)
        }
        if let region = parameters["RegionId"], RegionCatalog.region(region) == nil {
            throw EmulatorError("InvalidRegionId.NotFound")
        }
        let context = ActionContext(
            requestId: requestId, accountId: key.accountId, parameters: parameters, store: store, options: options, now: now)
        return try run(context)
    }

    private func checkClock(_ claim: SignatureVerifier.Claim, now: Date) throws {
        guard let text = claim.timestamp, !text.isEmpty else { throw EmulatorError.missing(claim.timestampName) }
        guard let stamp = WireTime.parse(text) else { throw EmulatorError("InvalidTimeStamp.Format") }
        if abs(stamp.timeIntervalSince(now)) > EmulatorHandler.maxSkew { throw EmulatorError("InvalidTimeStamp.Expired") }
    }

    /// A validator finding as the server words it: the documented message for a documented code.
    static func translate(_ error: ValidationError) -> EmulatorError {
        if error.code == "MissingParameter" { return .missing(error.parameter) }
        let message = ErrorMessages.knows(error.code) && error.code != "InvalidParameter" ? ErrorMessages.message(for: error.code) : error.message
        return EmulatorError(error.code, message: message, status: error.httpStatus)
    }
}

extension FaultPlan.Fault: Error {}
