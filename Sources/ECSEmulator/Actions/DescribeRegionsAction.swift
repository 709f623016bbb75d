import Foundation

/// DescribeRegions: the known regions, named in Chinese by default or English for `AcceptLanguage=en-US`.
enum DescribeRegionsAction {
    static func run(_ context: ActionContext) throws -> JSONNode {
        let english = context.parameters["AcceptLanguage"]?.lowercased().hasPrefix("en") ?? false
        let regions: [JSONNode] = RegionCatalog.all.map {
            .object([
                ("RegionId", .string($0.id)),
                ("LocalName", .string(english ? $0.englishName : $0.localName)),
                ("RegionEndpoint", .string($0.endpoint)),
                ("Status", .string("available")),
            ])
        }
        return .object([
            ("RequestId", .string(context.requestId)),
            ("Regions", .object([("Region", .array(regions))])),
        ])
    }
}
