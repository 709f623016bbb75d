/// The answer of DescribeImageSharePermission: accounts and groups an image is shared with.
public struct DescribeImageSharePermissionResponse: ECSResponse, Equatable {
    /// One account the image is shared with (`Accounts.Account`).
    public struct Account: Sendable, Hashable {
        /// `AliyunId`.
        public var aliyunId: String
        /// `SharedTime`.
        public var sharedTime: String?

        /// Creates an account entry.
        public init(aliyunId: String, sharedTime: String? = nil) {
            self.aliyunId = aliyunId
            self.sharedTime = sharedTime
        }
    }

    /// `RequestId`.
    public var requestId: String?
    /// `RegionId`.
    public var regionId: String?
    /// `ImageId`.
    public var imageId: String?
    /// `TotalCount` of accounts.
    public var totalCount: Int?
    /// `PageNumber`.
    public var pageNumber: Int?
    /// `PageSize`.
    public var pageSize: Int?
    /// `Accounts.Account`.
    public var accounts: [Account]
    /// `ShareGroups.ShareGroup[].Group` (`all` when public).
    public var shareGroups: [String]

    /// Creates an answer.
    public init(
        requestId: String? = nil, regionId: String? = nil, imageId: String? = nil, totalCount: Int? = nil,
        pageNumber: Int? = nil, pageSize: Int? = nil, accounts: [Account] = [], shareGroups: [String] = []
    ) {
        self.requestId = requestId
        self.regionId = regionId
        self.imageId = imageId
        self.totalCount = totalCount
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.accounts = accounts
        self.shareGroups = shareGroups
    }

    /// Decodes the answer tolerantly.
    public init(json: JSONValue) throws {
        try Self.requireObject(json)
        requestId = json["RequestId"]?.stringValue
        regionId = json["RegionId"]?.stringValue
        imageId = json["ImageId"]?.stringValue
        totalCount = json["TotalCount"]?.intValue.map { Int($0) }
        pageNumber = json["PageNumber"]?.intValue.map { Int($0) }
        pageSize = json["PageSize"]?.intValue.map { Int($0) }
        accounts = (json["Accounts"]?.list("Account") ?? []).compactMap { entry in
            entry["AliyunId"]?.stringValue.map { Account(aliyunId: $0, sharedTime: entry["SharedTime"]?.stringValue) }
        }
        shareGroups = (json["ShareGroups"]?.list("ShareGroup") ?? []).compactMap { $0["Group"]?.stringValue }
    }
}
