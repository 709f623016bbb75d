import Foundation
import GRDB

/// An `ImageStore` in an SQLite file (WAL, synchronous=FULL) that survives restarts and crashes.
///
/// The file is marked with `PRAGMA application_id` and an `ecsh_meta` table; a file without the
/// marker is refused, never overwritten.
public final class SQLiteImageStore: ImageStore, Sendable {
    /// The `application_id` that marks an ecsh emulator database ("ECSH").
    public static let applicationId: Int32 = 0x4543_5348
    /// The schema version this code writes and reads.
    public static let schemaVersion = 1

    private let queue: DatabaseQueue
    private let path: String
    private let cache = DecodedRecordCache()

    /// Opens the store at `path`, creating it and writing `seed` when the file is new or empty.
    public init(path: String, seed: @autoclosure () -> [ImageRecord]) throws {
        self.path = path
        let isNew = try SQLiteImageStore.isNewFile(path)
        if !isNew { try SQLiteImageStore.checkMarker(path) }
        var config = Configuration()
        config.journalMode = .wal
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError.notADatabase(path: path, reason: "\(error)")
        }
        if isNew { try create(seed: seed()) }
    }

    /// Every stored image.
    public func allImages() throws -> [ImageRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT image_id, record FROM images").map(decode)
        }
    }

    /// The images of one region (the primary key's prefix, so an index range, not a scan), decoded once
    /// and then served from the cache until another process changes the file.
    public func images(inRegion regionId: String) throws -> [ImageRecord] {
        try queue.read { db in
            let version = try Self.dataVersion(db)
            if let cached = cache.region(regionId, version: version) { return cached }
            let records = try Row.fetchAll(
                db, sql: "SELECT image_id, record FROM images WHERE region_id = ?", arguments: [regionId]
            ).map(decode)
            cache.store(records, region: regionId, version: version)
            return records
        }
    }

    /// The image with an id in a region, if stored.
    public func image(id: String, regionId: String) throws -> ImageRecord? {
        try queue.read { db in
            if let cached = cache.record(id, region: regionId, version: try Self.dataVersion(db)) { return cached }
            return try Row.fetchOne(
                db, sql: "SELECT image_id, record FROM images WHERE region_id = ? AND image_id = ?", arguments: [regionId, id]
            ).map(decode)
        }
    }

    /// Writes all changes in one transaction; it is committed when this returns.
    public func commit(upserts: [ImageRecord], deletions: [ImageRecord]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try upserts.map { ($0.regionId, $0.imageId, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        // The cache is updated in the same serialized access as the commit, and only once it succeeded.
        try queue.writeWithoutTransaction { db in
            do {
                try db.inTransaction {
                    for (region, id, json) in rows {
                        try db.execute(
                            sql: """
                                INSERT INTO images(region_id, image_id, record) VALUES (?, ?, ?)
                                ON CONFLICT(region_id, image_id) DO UPDATE SET record = excluded.record
                                """,
                            arguments: [region, id, json])
                    }
                    for record in deletions {
                        try db.execute(
                            sql: "DELETE FROM images WHERE region_id = ? AND image_id = ?",
                            arguments: [record.regionId, record.imageId])
                    }
                    return .commit
                }
            } catch {
                cache.clear()
                throw error
            }
            cache.apply(upserts: upserts, deletions: deletions)
        }
    }

    /// SQLite's `data_version`: unchanged on this connection until another connection commits.
    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1
    }

    private func decode(_ row: Row) throws -> ImageRecord {
        let id: String = row["image_id"]
        let json: String = row["record"]
        do {
            return try JSONDecoder().decode(ImageRecord.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corruptRecord(path: path, imageId: id)
        }
    }

    private func create(seed: [ImageRecord]) throws {
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(SQLiteImageStore.applicationId)")
            try db.execute(sql: "CREATE TABLE ecsh_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO ecsh_meta(key, value) VALUES ('schema_version', ?)", arguments: [String(SQLiteImageStore.schemaVersion)])
            try db.execute(sql: "CREATE TABLE images(region_id TEXT NOT NULL, image_id TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY(region_id, image_id))")
        }
        try commit(upserts: seed, deletions: [])
    }

    private static func isNewFile(_ path: String) throws -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { return true }
        return (attributes[.size] as? NSNumber)?.intValue == 0
    }

    /// Looks at an existing file read-only, so that a foreign file is not touched at all.
    private static func checkMarker(_ path: String) throws {
        var config = Configuration()
        config.readonly = true
        let probe: (Int32, Int, String?)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            probe = try queue.read { db in
                let appId = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                var version: String?
                if try db.tableExists("ecsh_meta") {
                    version = try String.fetchOne(db, sql: "SELECT value FROM ecsh_meta WHERE key = 'schema_version'")
                }
                return (appId, tables, version)
            }
            try queue.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notADatabase(path: path, reason: "\(error)")
        }
        guard probe.0 == applicationId, let text = probe.2 else {
            throw StoreError.foreignDatabase(path: path)
        }
        guard Int(text) == schemaVersion else {
            throw StoreError.unsupportedSchema(path: path, version: Int(text) ?? -1)
        }
    }
}
