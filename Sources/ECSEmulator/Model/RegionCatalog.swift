import Foundation

/// The regions the emulator knows: real Alibaba Cloud region ids, names and image id prefixes.
public enum RegionCatalog {
    /// One region.
    public struct Region: Sendable, Equatable {
        /// The region id, e.g. `cn-hangzhou`.
        public let id: String
        /// The Chinese local name.
        public let localName: String
        /// The English local name.
        public let englishName: String
        /// The two-letter prefix Alibaba Cloud puts in resource ids of this region.
        public let idPrefix: String

        /// The regional ECS endpoint.
        public var endpoint: String { "ecs.\(id).aliyuncs.com" }
    }

    /// All regions, in the order DescribeRegions lists them.
    public static let all: [Region] = [
        Region(id: "cn-qingdao", localName: "华北1（青岛）", englishName: "China (Qingdao)", idPrefix: "m5"),
        Region(id: "cn-beijing", localName: "华北2（北京）", englishName: "China (Beijing)", idPrefix: "2z"),
        Region(id: "cn-zhangjiakou", localName: "华北3（张家口）", englishName: "China (Zhangjiakou)", idPrefix: "8v"),
        Region(id: "cn-huhehaote", localName: "华北5（呼和浩特）", englishName: "China (Hohhot)", idPrefix: "hp"),
        Region(id: "cn-hangzhou", localName: "华东1（杭州）", englishName: "China (Hangzhou)", idPrefix: "bp"),
        Region(id: "cn-shanghai", localName: "华东2（上海）", englishName: "China (Shanghai)", idPrefix: "uf"),
        Region(id: "cn-shenzhen", localName: "华南1（深圳）", englishName: "China (Shenzhen)", idPrefix: "wz"),
        Region(id: "cn-chengdu", localName: "西南1（成都）", englishName: "China (Chengdu)", idPrefix: "2v"),
        Region(id: "cn-hongkong", localName: "中国香港", englishName: "China (Hong Kong)", idPrefix: "j6"),
        Region(id: "ap-southeast-1", localName: "新加坡", englishName: "Singapore", idPrefix: "t4"),
        Region(id: "ap-northeast-1", localName: "日本（东京）", englishName: "Japan (Tokyo)", idPrefix: "6w"),
        Region(id: "us-west-1", localName: "美国（硅谷）", englishName: "US (Silicon Valley)", idPrefix: "rj"),
        Region(id: "us-east-1", localName: "美国（弗吉尼亚）", englishName: "US (Virginia)", idPrefix: "0x"),
        Region(id: "eu-central-1", localName: "德国（法兰克福）", englishName: "Germany (Frankfurt)", idPrefix: "gw"),
    ]

    /// The region with an id, if known.
    public static func region(_ id: String) -> Region? { all.first { $0.id == id } }
}
