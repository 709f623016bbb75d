import ECSCore
import ECSValidation
import Foundation
import LuaBridge

extension ECSModule {
    /// The keys `ecs.config{...}` accepts.
    static let configKeys = ["region", "profile", "endpoint", "retries", "timeout", "rate", "signature", "dry_run"]

    /// `ecs.config{...}` sets settings and returns the effective ones; `ecs.config()` only returns them.
    static func config(context: ECSContext) -> LuaHostFunction {
        { call in
            let location = call.location()
            if !call.isNil(at: 1) {
                guard call.isTable(at: 1) else {
                    throw ECSLuaError.badArgument(position: 1, function: "config", expected: "table", got: call.typeName(at: 1), location: location)
                }
                var new = context.configuration
                var profile = context.profile
                func fail(_ key: String, _ message: String) -> ECSLuaError {
                    ECSLuaError(code: "InvalidParameter", message: message, action: "config", parameter: key, location: location)
                }
                func text(_ key: String) throws -> String {
                    guard let s = call.string(at: -1) else { throw fail(key, "config '\(key)' must be a string, got \(call.typeName(at: -1))") }
                    return s
                }
                var regionGiven = false
                try call.forEachPair(of: 1) {
                    guard let key = call.string(at: -2) else { throw fail("", "config keys must be names, got \(call.typeName(at: -2))") }
                    switch key {
                    case "region":
                        let region = try text(key)
                        if let e = ImageRules.regionId(region) { throw ECSLuaError(e, action: "config", location: location) }
                        new.region = region
                        regionGiven = true
                    case "profile":
                        let name = try text(key)
                        guard !name.isEmpty else { throw fail(key, "config 'profile' must not be empty") }
                        // The same warning as at start-up for a credentials file others may read.
                        let chain = CredentialsChain.default(profile: name, environment: ProcessInfo.processInfo.environment, warn: {
                            FileHandle.standardError.write(Data("ecsh: warning: \($0)\n".utf8))
                        })
                        do { _ = try chain.resolve() } catch {
                            throw ECSLuaError(code: "Client.NoCredentials", message: "profile '\(name)': \(error)", action: "config", location: location)
                        }
                        new.credentials = chain
                        profile = name
                    case "endpoint":
                        if call.boolean(at: -1) == false { new.endpoint = nil; break }
                        let url = try text(key)
                        // The same check as --endpoint's: a URL, http(s), a port in range, plain http only to
                        // loopback unless --insecure.
                        do {
                            _ = try EndpointResolver.url(region: "cn-hangzhou", override: url, vpc: false, insecure: new.insecure)
                        } catch {
                            throw fail(key, "config 'endpoint': \(error)")
                        }
                        new.endpoint = url
                    case "retries":
                        guard let n = call.integer(at: -1), n >= 0, n < 100 else { throw fail(key, "config 'retries' must be an integer from 0 to 99") }
                        new.retry.maxAttempts = Int(n) + 1
                    case "timeout":
                        guard let t = call.number(at: -1), t > 0, t <= ClientConfiguration.maximumTimeout else {
                            throw fail(key, "config 'timeout' must be a number of seconds above 0 and at most \(Int(ClientConfiguration.maximumTimeout))")
                        }
                        new.readTimeout = t
                    case "rate":
                        let rate = try text(key)
                        do { new.rate = try RateLimit.parse(rate) } catch {
                            throw fail(
                                key, "config 'rate' must be \"N/S\" (e.g. \"1000/60\"; \(RateLimit.bounds)) or \"off\", got \"\(rate)\"")
                        }
                    case "signature":
                        let name = try text(key)
                        guard let scheme = SignatureScheme(rawValue: name) else { throw fail(key, "config 'signature' must be \"v3\" or \"v1\", got \"\(name)\"") }
                        new.signature = scheme
                    case "dry_run":
                        guard let b = call.boolean(at: -1) else { throw fail(key, "config 'dry_run' must be a boolean, got \(call.typeName(at: -1))") }
                        new.dryRun = b
                    default:
                        var message = "unknown setting '\(key)' for ecs.config"
                        if let hint = NameSuggester.suggestion(for: key, among: configKeys) { message += "; did you mean '\(hint)'?" }
                        throw fail(key, message + " (settings: " + configKeys.joined(separator: ", ") + ")")
                    }
                }
                // A profile brings its region, as --profile does, unless a region was chosen explicitly: in this
                // call, an earlier one, --region or ALIBABA_CLOUD_REGION_ID (which beat the profile's at start-up too).
                if let profile, profile != context.profile, !regionGiven, !context.regionIsExplicit,
                    let region = AliyunCLIConfigProvider.region(ofProfile: profile, environment: ProcessInfo.processInfo.environment)
                {
                    new.region = region
                }
                context.reconfigure(new, profile: profile, regionIsExplicit: context.regionIsExplicit || regionGiven)
            }
            pushSettings(call, context: context)
            return .values(1)
        }
    }

    /// The effective settings as a table; the access key ID is shown, the secret never.
    static func pushSettings(_ call: LuaCall, context: ECSContext) {
        let c = context.configuration
        call.pushTable(fields: 10)
        call.push(c.region); call.setField(of: -2, "region")
        if let profile = context.profile { call.push(profile); call.setField(of: -2, "profile") }
        if let endpoint = c.endpoint { call.push(endpoint); call.setField(of: -2, "endpoint") }
        call.push(c.retry.maxAttempts - 1); call.setField(of: -2, "retries")
        if c.readTimeout == c.readTimeout.rounded(), abs(c.readTimeout) < 1e9 { call.push(Int64(c.readTimeout)) } else { call.push(c.readTimeout) }
        call.setField(of: -2, "timeout")
        call.push(c.rate?.description ?? "off"); call.setField(of: -2, "rate")
        call.push(c.signature.rawValue); call.setField(of: -2, "signature")
        call.push(c.dryRun); call.setField(of: -2, "dry_run")
        call.push(c.credentials.name); call.setField(of: -2, "credentials")
        if let id = try? c.credentials.resolve().accessKeyId { call.push(id); call.setField(of: -2, "access_key_id") }
    }
}
