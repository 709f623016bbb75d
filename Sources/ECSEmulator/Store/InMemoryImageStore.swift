import Foundation

/// An `ImageStore` held in memory, lost when the process ends.
public final class InMemoryImageStore: ImageStore, @unchecked Sendable {
    private let lock = NSLock()
    /// Images by region, then by id.
    private var regions: [String: [String: ImageRecord]] = [:]
    /// Each region's images as the array readers get, kept until a commit touches the region
    /// (every DescribeImages reads a whole region; copying each record out again cost more than the rest).
    private var regionLists: [String: [ImageRecord]] = [:]

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
        lock.withLock {
            if let list = regionLists[regionId] { return list }
            let list = regions[regionId].map { Array($0.values) } ?? []
            regionLists[regionId] = list
            return list
        }
    }

    /// The image with an id in a region, if stored.
    public func image(id: String, regionId: String) throws -> ImageRecord? {
        lock.withLock { regions[regionId]?[id] }
    }

    /// Applies the changes under one lock, so readers see all of them or none.
    public func commit(upserts: [ImageRecord], deletions: [ImageRecord]) throws {
        lock.withLock {
            for record in upserts {
                regions[record.regionId, default: [:]][record.imageId] = record
                regionLists[record.regionId] = nil
            }
            for record in deletions {
                regions[record.regionId]?[record.imageId] = nil
                regionLists[record.regionId] = nil
            }
        }
    }
}
