import Foundation

/// The decoded records of the regions an `SQLiteImageStore` has read, valid for one SQLite `data_version`.
///
/// Reading a region decodes every record in it, which dominates a DescribeImages over thousands of
/// images; the cache keeps the decoded region until another connection (another process) commits,
/// which changes `data_version`. The store's own commits update it in place. Every use happens
/// inside the store's serialized database access, so a fill and an update never interleave.
final class DecodedRecordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var dataVersion: Int64?
    private var regions: [String: Region] = [:]

    /// One region's records by id, and the list handed out (rebuilt after a change, so readers share it).
    private struct Region {
        var byId: [String: ImageRecord]
        var list: [ImageRecord]?
    }

    /// The cached records of a region, if the cache is still valid for `version`.
    func region(_ regionId: String, version: Int64) -> [ImageRecord]? {
        lock.withLock {
            guard dataVersion == version, var region = regions[regionId] else { return nil }
            if let list = region.list { return list }
            let list = Array(region.byId.values)
            region.list = list
            regions[regionId] = region
            return list
        }
    }

    /// The cached record with this id, if the cache holds its region at `version`.
    func record(_ imageId: String, region regionId: String, version: Int64) -> ImageRecord?? {
        lock.withLock {
            guard dataVersion == version, let region = regions[regionId] else { return nil }
            return .some(region.byId[imageId])
        }
    }

    /// Stores a region just read at `version`, dropping everything cached at another version.
    func store(_ records: [ImageRecord], region regionId: String, version: Int64) {
        var byId: [String: ImageRecord] = [:]
        byId.reserveCapacity(records.count)
        for record in records { byId[record.imageId] = record }
        lock.withLock {
            if dataVersion != version {
                regions = [:]
                dataVersion = version
            }
            regions[regionId] = Region(byId: byId, list: records)
        }
    }

    /// Applies a commit made on the store's own connection (which leaves `data_version` as it is).
    func apply(upserts: [ImageRecord], deletions: [ImageRecord]) {
        lock.withLock {
            for record in upserts where regions[record.regionId] != nil {
                regions[record.regionId]!.byId[record.imageId] = record
                regions[record.regionId]!.list = nil
            }
            for record in deletions where regions[record.regionId] != nil {
                regions[record.regionId]!.byId[record.imageId] = nil
                regions[record.regionId]!.list = nil
            }
        }
    }

    /// Forgets everything (after a failed commit, when what the file holds is uncertain).
    func clear() {
        lock.withLock {
            regions = [:]
            dataVersion = nil
        }
    }
}
