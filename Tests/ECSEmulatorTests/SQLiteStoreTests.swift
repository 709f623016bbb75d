import Foundation
import Testing

@testable import ECSEmulator

/// The SQLite store: seeding, persistence across reopen, atomic commits, and refusing foreign files.
@Suite struct SQLiteStoreTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func newFileIsSeededAndChangesSurviveReopening() throws {
        let file = path("state.db")
        do {
            let store = try SQLiteImageStore(path: file, seed: DemoData.images())
            #expect(try store.allImages().count == DemoData.images().count)
            let harness = EmulatorHarness(store: store)
            #expect(try harness.modify("web-prod-v1", ["ImageName": "persisted-name", "Features.ImdsSupport": "v2"]).status == 200)
            #expect(harness.call("DeleteImage", ["RegionId": "cn-hangzhou", "ImageId": try harness.id(of: "web-prod-v2")]).status == 200)
        }
        let reopened = try SQLiteImageStore(path: file, seed: [])
        let images = try reopened.allImages()
        #expect(images.count == DemoData.images().count - 1)
        let renamed = try #require(images.first { $0.name == "persisted-name" })
        #expect(renamed.imdsSupport == "v2")
        #expect(!images.contains { $0.name == "web-prod-v2" })
        #expect(try reopened.image(id: renamed.imageId, regionId: "cn-hangzhou") == renamed)
        #expect(try reopened.image(id: renamed.imageId, regionId: "cn-beijing") == nil)
    }

    @Test func regionReadsFollowOwnCommitsAndOtherProcessesWrites() throws {
        let file = path("shared.db")
        let store = try SQLiteImageStore(path: file, seed: DemoData.images())
        let region = "cn-hangzhou"
        let before = try store.images(inRegion: region)
        var first = try #require(before.first)
        // A commit on the store itself: served from the cache, updated in place.
        first.description = "changed here"
        try store.commit(upserts: [first], deletions: [])
        #expect(try store.images(inRegion: region).first { $0.imageId == first.imageId }?.description == "changed here")
        #expect(try store.image(id: first.imageId, regionId: region)?.description == "changed here")
        let gone = try #require(before.last)
        try store.commit(upserts: [], deletions: [gone])
        #expect(try store.images(inRegion: region).count == before.count - 1)
        #expect(try store.image(id: gone.imageId, regionId: region) == nil)
        // Another connection to the same file (another ecsh serve) commits: the next read sees it.
        let other = try SQLiteImageStore(path: file, seed: [])
        first.description = "changed elsewhere"
        try other.commit(upserts: [first, gone], deletions: [])
        #expect(try store.images(inRegion: region).first { $0.imageId == first.imageId }?.description == "changed elsewhere")
        #expect(try store.images(inRegion: region).count == before.count)
        #expect(try store.image(id: gone.imageId, regionId: region) == gone)
    }

    @Test func emptySeedStartsEmpty() throws {
        let store = try SQLiteImageStore(path: path("empty.db"), seed: [])
        #expect(try store.allImages().isEmpty)
    }

    @Test func serverOptionsOpenTheDataFile() throws {
        let file = path("server.db")
        let server = try EmulatorServer(options: EmulatorOptions(dataPath: file, seed: .empty))
        #expect(try server.handler.store.allImages().isEmpty)
        #expect(server.handler.store is SQLiteImageStore)
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test func corruptFileIsRefusedAndLeftUntouched() throws {
        let file = path("corrupt.db")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError.self) { try SQLiteImageStore(path: file, seed: DemoData.images()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == garbage)
        let text = path("notes.txt")
        try Data("just some text, not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        do {
            _ = try EmulatorServer(options: EmulatorOptions(dataPath: text))
            Issue.record("a text file was accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("notes.txt"))
            #expect(error.description.contains("refusing"))
        }
    }

    @Test func foreignSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let file = path("foreign.db")
        _ = try SQLiteImageStore(path: file, seed: [])
        // Clear the application_id (header bytes 68..<72): a valid SQLite file of some other program.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes.replaceSubrange(68..<72, with: [0, 0, 0, 0])
        try bytes.write(to: URL(fileURLWithPath: file))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        #expect(throws: StoreError.foreignDatabase(path: file)) { try SQLiteImageStore(path: file, seed: DemoData.images()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }

    @Test func commitWritesUpsertsAndDeletionsTogether() throws {
        let store = try SQLiteImageStore(path: path("together.db"), seed: DemoData.images())
        let custom = try store.allImages().filter { $0.origin == .custom }
        var renamed = custom[0]
        renamed.name = "renamed-in-commit"
        try store.commit(upserts: [renamed], deletions: [custom[1]])
        let after = try SQLiteImageStore(path: path("together.db"), seed: []).allImages()
        #expect(after.contains(renamed))
        #expect(!after.contains { $0.storeKey == custom[1].storeKey })
    }
}
