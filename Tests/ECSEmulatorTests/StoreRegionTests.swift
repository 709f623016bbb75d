import Foundation
import Testing

@testable import ECSEmulator

/// `images(inRegion:)` of both stores: exactly the region's images, before and after a commit.
@Suite struct StoreRegionTests {
    func check(_ store: any ImageStore) throws {
        let all = try store.allImages()
        #expect(all.count == DemoData.images().count)
        for region in Set(all.map(\.regionId)).union(["us-east-1"]) {
            let expected = all.filter { $0.regionId == region }.map(\.storeKey).sorted()
            #expect(try store.images(inRegion: region).map(\.storeKey).sorted() == expected, "\(region)")
        }
        let moved = try #require(try store.images(inRegion: "cn-beijing").first { $0.name == "bj-analytics" })
        var copy = moved
        copy.regionId = "us-east-1"
        try store.commit(upserts: [copy], deletions: [moved])
        #expect(try store.images(inRegion: "us-east-1").map(\.name) == ["bj-analytics"])
        #expect(try !store.images(inRegion: "cn-beijing").contains { $0.name == "bj-analytics" })
        #expect(try store.allImages().count == all.count)
    }

    @Test func inMemory() throws {
        try check(InMemoryImageStore(images: DemoData.images()))
    }

    @Test func sqlite() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-region-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try check(SQLiteImageStore(path: file, seed: DemoData.images()))
    }
}
