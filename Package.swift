// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ecsh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecsh", targets: ["ecsh"]),
        .library(name: "ECSCore", targets: ["ECSCore"]),
        .library(name: "ECSValidation", targets: ["ECSValidation"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C interop
        .systemLibrary(
            name: "CLua", pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .systemLibrary(
            name: "CEditline", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),

        // Libraries
        .target(name: "JSONText"),
        .target(name: "LuaBridge", dependencies: ["CLua", "CLuaShim", "JSONText"]),
        .target(name: "ECSValidation"),
        .target(
            name: "ECSCore",
            dependencies: [
                "ECSValidation",
                "JSONText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "ECSEmulator",
            dependencies: [
                "ECSCore", "ECSValidation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .target(name: "ECSLua", dependencies: ["LuaBridge", "ECSCore", "ECSValidation", "JSONText"]),
        .target(name: "ECSShell", dependencies: ["LuaBridge", "CEditline"]),
        .executableTarget(
            name: "ecsh",
            dependencies: [
                "ECSShell", "ECSLua", "ECSCore", "ECSValidation", "ECSEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "ecsh-bench", dependencies: ["LuaBridge", "ECSCore", "ECSValidation", "ECSEmulator", .product(name: "Crypto", package: "swift-crypto"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")]),

        // Tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "TestSupport"]),
        .testTarget(name: "ECSValidationTests", dependencies: ["ECSValidation"]),
        .testTarget(
            name: "ECSCoreTests", dependencies: ["ECSCore", "TestSupport"],
            resources: [.copy("Resources")]),
        .testTarget(name: "ECSEmulatorTests", dependencies: ["ECSEmulator", "ECSCore", "TestSupport"]),
        .testTarget(name: "ECSLuaTests", dependencies: ["ECSLua", "LuaBridge", "ECSEmulator", "TestSupport"]),
        .testTarget(name: "ECSShellTests", dependencies: ["ECSShell", "LuaBridge"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
    ]
)
