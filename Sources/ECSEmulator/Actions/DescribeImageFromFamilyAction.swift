import Foundation

/// DescribeImageFromFamily: the newest Available image of a family the caller may see.
enum DescribeImageFromFamilyAction {
    static func run(_ context: ActionContext) throws -> JSONNode {
        let region = try context.region()
        let family = try context.parameters.required("ImageFamily")
        let newest = try context.store.images(inRegion: region)
            .filter { $0.regionId == region && $0.family == family && $0.status == "Available" && $0.isVisible(to: context.accountId) }
            .max { ($0.creationTime, $0.imageId) < ($1.creationTime, $1.imageId) }
        return .object([
            ("RequestId", .string(context.requestId)),
            ("Image", newest.map { ImageRenderer.fromFamily($0, for: context.accountId) } ?? .object([])),
        ])
    }
}
