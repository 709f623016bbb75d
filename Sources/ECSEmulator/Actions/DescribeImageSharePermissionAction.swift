import Foundation

/// DescribeImageSharePermission: the accounts (and the `all` group) an own image is shared with.
enum DescribeImageSharePermissionAction {
    static func run(_ context: ActionContext) throws -> JSONNode {
        let parameters = context.parameters
        let region = try context.region()
        let imageId = try parameters.required("ImageId")
        let image = try context.ownImage(imageId, region: region)
        let pageNumber = try parameters.int("PageNumber", default: 1, range: 1...Int(Int32.max))
        let pageSize = try parameters.int("PageSize", default: 10, range: 1...100)
        let accounts = image.sharedWith.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        let start = (pageNumber - 1) * pageSize
        let page = start < accounts.count ? Array(accounts[start..<min(start + pageSize, accounts.count)]) : []
        let groups: [JSONNode] = image.isPublic ? [.object([("Group", .string("all"))])] : []
        return .object([
            ("RequestId", .string(context.requestId)),
            ("ImageId", .string(image.imageId)),
            ("RegionId", .string(region)),
            ("TotalCount", .int(Int64(accounts.count))),
            ("PageNumber", .int(Int64(pageNumber))),
            ("PageSize", .int(Int64(pageSize))),
            ("ShareGroups", .object([("ShareGroup", .array(groups))])),
            ("Accounts", .object([("Account", .array(page.map {
                .object([("AliyunId", .string($0.key)), ("SharedTime", .string(WireTime.format($0.value)))])
            }))])),
        ])
    }
}
