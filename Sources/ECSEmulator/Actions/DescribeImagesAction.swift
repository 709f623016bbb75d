import Foundation

/// DescribeImages: the images the caller may see in a region, filtered, newest first, one page.
enum DescribeImagesAction {
    static let statuses = ["Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated"]

    static func run(_ context: ActionContext) throws -> JSONNode {
        let parameters = context.parameters
        let region = try context.region()
        let pageNumber = try parameters.int("PageNumber", default: 1, range: 1...Int(Int32.max))
        let pageSize = try parameters.int("PageSize", default: 10, range: 1...100)
        let filter = try ImageFilter(parameters, accountId: context.accountId)
        let matching = try context.store.images(inRegion: region)
            .filter { $0.regionId == region && $0.isVisible(to: context.accountId) && filter.matches($0) }
            .sorted { ($0.creationTime, $0.imageId) > ($1.creationTime, $1.imageId) }
        try context.finishDryRun()
        let start = (pageNumber - 1) * pageSize
        let page = start < matching.count ? Array(matching[start..<min(start + pageSize, matching.count)]) : []
        return .object([
            ("RequestId", .string(context.requestId)),
            ("RegionId", .string(region)),
            ("TotalCount", .int(Int64(matching.count))),
            ("PageNumber", .int(Int64(pageNumber))),
            ("PageSize", .int(Int64(pageSize))),
            ("Images", .object([("Image", .array(page.map { ImageRenderer.describeImages($0, for: context.accountId) }))])),
        ])
    }
}
