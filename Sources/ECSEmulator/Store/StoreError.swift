import Foundation

/// Why a data file could not be opened as an emulator store.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file is not an SQLite database at all (corrupt or some other format).
    case notADatabase(path: String, reason: String)
    /// The file is an SQLite database that belongs to some other program.
    case foreignDatabase(path: String)
    /// The file was written by a newer emulator schema.
    case unsupportedSchema(path: String, version: Int)
    /// A stored row could not be decoded.
    case corruptRecord(path: String, imageId: String)

    /// A one-line explanation naming the file.
    public var description: String {
        switch self {
        case .notADatabase(let path, let reason):
            return "\(path) is not an ecsh emulator database (\(reason)); refusing to use or overwrite it"
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database of another program; refusing to use or overwrite it"
        case .unsupportedSchema(let path, let version):
            return "\(path) has emulator schema version \(version), which this ecsh does not understand"
        case .corruptRecord(let path, let imageId):
            return "\(path) holds an unreadable record for image \(imageId)"
        }
    }
}
