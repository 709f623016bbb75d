import Foundation

/// Where the emulator keeps its images, keyed by (region, image id): public images share an id
/// across regions. `commit` applies all its changes atomically, or none.
public protocol ImageStore: Sendable {
    /// Every stored image.
    func allImages() throws -> [ImageRecord]
    /// The images of one region: what every image action reads, cheaper than `allImages()`.
    func images(inRegion regionId: String) throws -> [ImageRecord]
    /// The image with an id in a region, if stored.
    func image(id: String, regionId: String) throws -> ImageRecord?
    /// Writes the upserts and deletions as one transaction; returns only once they are durable.
    func commit(upserts: [ImageRecord], deletions: [ImageRecord]) throws
}
