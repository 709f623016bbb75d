/// The `Features` of an image: IMDS and NVMe support, online CPU/memory resizing.
public struct ImageFeatures: Sendable, Hashable {
    /// `ImdsSupport`: `v1` or `v2`.
    public var imdsSupport: String?
    /// `NvmeSupport`: `supported` or `unsupported`.
    public var nvmeSupport: String?
    /// `CpuOnlineUpgrade`.
    public var cpuOnlineUpgrade: String?
    /// `CpuOnlineDowngrade`.
    public var cpuOnlineDowngrade: String?
    /// `MemoryOnlineUpgrade`.
    public var memoryOnlineUpgrade: String?
    /// `MemoryOnlineDowngrade`.
    public var memoryOnlineDowngrade: String?

    /// Creates the features.
    public init(
        imdsSupport: String? = nil, nvmeSupport: String? = nil, cpuOnlineUpgrade: String? = nil,
        cpuOnlineDowngrade: String? = nil, memoryOnlineUpgrade: String? = nil, memoryOnlineDowngrade: String? = nil
    ) {
        self.imdsSupport = imdsSupport
        self.nvmeSupport = nvmeSupport
        self.cpuOnlineUpgrade = cpuOnlineUpgrade
        self.cpuOnlineDowngrade = cpuOnlineDowngrade
        self.memoryOnlineUpgrade = memoryOnlineUpgrade
        self.memoryOnlineDowngrade = memoryOnlineDowngrade
    }

    /// Decodes the `Features` object tolerantly.
    public init(json: JSONValue) {
        imdsSupport = json["ImdsSupport"]?.stringValue
        nvmeSupport = json["NvmeSupport"]?.stringValue
        cpuOnlineUpgrade = json["CpuOnlineUpgrade"]?.stringValue
        cpuOnlineDowngrade = json["CpuOnlineDowngrade"]?.stringValue
        memoryOnlineUpgrade = json["MemoryOnlineUpgrade"]?.stringValue
        memoryOnlineDowngrade = json["MemoryOnlineDowngrade"]?.stringValue
    }
}
