import ArgumentParser
import ECSCore
import ECSShell
import ECSValidation

/// The options every ecsh command accepts before the script.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Region ID, e.g. cn-hangzhou.")
    var region: String?

    @Option(help: "Profile of ~/.aliyun/config.json or credentials.ini.")
    var profile: String?

    @Option(help: "Endpoint URL override (http:// only to loopback unless --insecure).")
    var endpoint: String?

    @Flag(help: "Start the embedded emulator with the demo data and point the client at it.")
    var local = false

    @Flag(name: .customLong("dry-run"), help: "Validate, sign and print each mutating request instead of sending it.")
    var dryRun = false

    @Option(help: "Signature scheme: v3 (ACS3-HMAC-SHA256) or v1 (HMAC-SHA1).")
    var signature: String = "v3"

    @Flag(help: "Log each request and response line to stderr (secrets redacted).")
    var debug = false

    @Flag(help: "No process spawning, file writes or native modules.")
    var sandbox = false

    @Option(name: .customLong("max-instructions"), help: "Instruction budget per chunk (with or without --sandbox).")
    var maxInstructions: Int?

    @Option(name: .customLong("memory-limit"), help: "Memory cap of the Lua state in MiB.")
    var memoryLimit: Int?

    @Option(help: "How -e results are printed: text or json.")
    var output: String = "text"

    @Option(help: "Client-side pacing N/S (N requests per S seconds per action) or off.")
    var rate: String?

    @Flag(help: "Allow plain http:// to a non-loopback endpoint.")
    var insecure = false

    func validate() throws {
        guard ["v3", "v1"].contains(signature) else { throw ValidationError("--signature must be v3 or v1, not '\(signature)'") }
        guard OutputFormat(rawValue: output) != nil else { throw ValidationError("--output must be text or json, not '\(output)'") }
        if let maxInstructions, maxInstructions <= 0 { throw ValidationError("--max-instructions must be positive") }
        // In MiB: 2^40 MiB (a zettabyte) is far beyond any machine, and MiB << 20 must not overflow.
        if let memoryLimit, !(1...(1 << 40)).contains(memoryLimit) {
            throw ValidationError("--memory-limit must be from 1 to \(1 << 40) (MiB)")
        }
        // A bad --endpoint or --region is a usage error now, not a failed call (exit 1) at the first request.
        if let endpoint {
            guard !local else { throw ValidationError("--local starts its own emulator: it cannot be used with --endpoint") }
            do {
                _ = try EndpointResolver.url(region: "cn-hangzhou", override: endpoint, vpc: false, insecure: insecure)
            } catch {
                throw ValidationError("--endpoint: \(error)")
            }
        }
        if let region, let problem = ImageRules.regionId(region) {
            throw ValidationError("--region: \(problem.message)")
        }
    }
}
