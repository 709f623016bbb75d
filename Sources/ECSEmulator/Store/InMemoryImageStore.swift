import Foundation

/// An `ImageStore` held in memory, lost when the process ends.
public final class InMemoryImageStore: ImageStore, @unchecked Sendable {
    private let lock = NSLock()
    /// Images by region, then by id.
    private var regions: [String: [String: ImageRecord]] = [:]

    /// Creates a store holding the given images.
    public init(images: [ImageRecord] = []) {
        for record in images { regions[record.regionId, default: [:]][record.imageId] = record }
    }

    /// Every stored image.
    public func allImages() throws -> [ImageRecord] {
        lock.withLock { regions.values.flatMap(\.values) }
    }

    /// The images of one region.
    public func images(inRegion regionId: String) throws -> [ImageRecord] {
        lock.withLock { regions[regionId].map { Array($0.values) } ?? [] }
    }

    /// The image with an id in a region, if stored.
    public func image(id: String, regionId: String) throws -> ImageRecord? {
        lock.withLock { regions[regionId]?[id] }
    }

    /// Applies the changes under one lock, so readers see all of them or none.
    public func commit(upserts: [ImageRecord], deletions: [ImageRecord]) throws {
        lock.withLock {
            for record in upserts { regions[record.regionId, default: [:]][record.imageId] = record }
            for record in deletions { regions[record.regionId]?[record.imageId] = nil }
        }
    }
}
