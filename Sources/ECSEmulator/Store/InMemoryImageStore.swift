import Foundation

/// An `ImageStore` held in memory, lost when the process ends.
public final class InMemoryImageStore: ImageStore, @unchecked Sendable {
    private let lock = NSLock()
    private var images: [String: ImageRecord]

    /// Creates a store holding the given images.
    public init(images: [ImageRecord] = []) {
        self.images = Dictionary(images.map { ($0.storeKey, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Every stored image.
    public func allImages() throws -> [ImageRecord] {
        lock.withLock { Array(images.values) }
    }

    /// The image with an id in a region, if stored.
    public func image(id: String, regionId: String) throws -> ImageRecord? {
        lock.withLock { images[ImageRecord.storeKey(id: id, regionId: regionId)] }
    }

    /// Applies the changes under one lock, so readers see all of them or none.
    public func commit(upserts: [ImageRecord], deletions: [ImageRecord]) throws {
        lock.withLock {
            for record in upserts { images[record.storeKey] = record }
            for record in deletions { images[record.storeKey] = nil }
        }
    }
}
