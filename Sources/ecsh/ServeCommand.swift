import ArgumentParser
import ECSCore
import ECSEmulator
import Foundation

/// `ecsh serve`: the ECS image emulator over HTTP.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the ECS image API emulator.")

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port (0: a free one).") var port = 0
    @Option(help: "SQLite file that keeps the state (default: in memory).") var data: String?
    @Option(help: "Initial data of a new store: demo or empty.") var seed = "demo"
    @Option(help: "Added latency per request, in milliseconds.") var latency = 0
    @Option(name: .customLong("fault-rate"), help: "Probability 0–1 of an injected fault (503, 500, dropped connection).") var faultRate = 0.0
    @Option(name: .customLong("fault-seed"), help: "Seed of the injected faults: the same seed fails the same requests.") var faultSeed: UInt64?
    @Option(help: "Throttling N/S per account and action, or off.") var rate = "1000/60"
    @Option(name: .customLong("family-quota"), help: "Most images per family.") var familyQuota = 5
    @Option(name: .customLong("region-family-quota"), help: "Most families per account and region.") var regionFamilyQuota = 8

    func validate() throws {
        guard EmulatorOptions.Seed(rawValue: seed) != nil else { throw ValidationError("--seed must be demo or empty") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard latency >= 0 else { throw ValidationError("--latency must be ≥ 0") }
        do { _ = try RateLimit.parse(rate) } catch { throw ValidationError("--rate: \(error)") }
    }

    func run() throws {
        let options = EmulatorOptions(
            host: host, port: port, dataPath: data, seed: EmulatorOptions.Seed(rawValue: seed) ?? .demo,
            latencyMs: latency, faultRate: faultRate, faultSeed: faultSeed, rate: rate == "off" ? nil : EmulatorOptions.Rate(parsing: rate),
            familyQuota: familyQuota, regionFamilyQuota: regionFamilyQuota)
        let server: EmulatorServer
        do { server = try EmulatorServer(options: options) } catch {
            FileHandle.standardError.write(Data("ecsh serve: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let url = try blocking { try await server.start() }
        let address = url.absoluteString.hasSuffix("/") ? String(url.absoluteString.dropLast()) : url.absoluteString
        FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
        try blocking { try await server.runUntilSignal() }
    }
}
