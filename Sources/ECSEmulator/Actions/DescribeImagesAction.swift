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
        // Positions are filtered and sorted rather than the records themselves: an image record is a
        // large struct, and thousands of them copied per request would cost more than the rest.
        let images = try context.store.images(inRegion: region)
        var matching = images.indices.filter {
            images[$0].regionId == region && images[$0].isVisible(to: context.accountId) && filter.matches(images[$0])
        }
        matching.sort { (images[$0].creationTime, images[$0].imageId) > (images[$1].creationTime, images[$1].imageId) }
        try context.finishDryRun()
        let start = (pageNumber - 1) * pageSize
        let page = start < matching.count ? matching[start..<min(start + pageSize, matching.count)] : []
        return .object([
            ("RequestId", .string(context.requestId)),
            ("RegionId", .string(region)),
            ("TotalCount", .int(Int64(matching.count))),
            ("PageNumber", .int(Int64(pageNumber))),
            ("PageSize", .int(Int64(pageSize))),
            ("Images", .object([("Image", .array(page.map { ImageRenderer.describeImages(images[$0], for: context.accountId) }))])),
        ])
    }
}
