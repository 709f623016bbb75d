/// One disk of an image (`DiskDeviceMappings.DiskDeviceMapping`).
public struct DiskDeviceMapping: Sendable, Hashable {
    /// `Device`, e.g. `/dev/xvda`.
    public var device: String?
    /// `Type`: `system` or `data`.
    public var type: String?
    /// `Size` in GiB; the API sends it as a string, some servers as a number.
    public var size: String?
    /// `SnapshotId`.
    public var snapshotId: String?
    /// `Format` of an imported image.
    public var format: String?
    /// `ImportOSSBucket`.
    public var importOSSBucket: String?
    /// `ImportOSSObject`.
    public var importOSSObject: String?
    /// `Progress` of the copy or import.
    public var progress: String?
    /// `RemainTime` in seconds.
    public var remainTime: Int64?
    /// `Encrypted`.
    public var encrypted: Bool?

    /// Creates a mapping.
    public init(
        device: String? = nil, type: String? = nil, size: String? = nil, snapshotId: String? = nil,
        format: String? = nil, importOSSBucket: String? = nil, importOSSObject: String? = nil,
        progress: String? = nil, remainTime: Int64? = nil, encrypted: Bool? = nil
    ) {
        self.device = device
        self.type = type
        self.size = size
        self.snapshotId = snapshotId
        self.format = format
        self.importOSSBucket = importOSSBucket
        self.importOSSObject = importOSSObject
        self.progress = progress
        self.remainTime = remainTime
        self.encrypted = encrypted
    }

    /// Decodes one mapping tolerantly (`Size` as string or number).
    public init(json: JSONValue) {
        device = json["Device"]?.stringValue
        type = json["Type"]?.stringValue
        size = json["Size"]?.stringValue
        snapshotId = json["SnapshotId"]?.stringValue
        format = json["Format"]?.stringValue
        importOSSBucket = json["ImportOSSBucket"]?.stringValue
        importOSSObject = json["ImportOSSObject"]?.stringValue
        progress = json["Progress"]?.stringValue
        remainTime = json["RemainTime"]?.intValue
        encrypted = json["Encrypted"]?.boolValue
    }
}
