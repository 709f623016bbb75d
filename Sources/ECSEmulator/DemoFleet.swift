import Foundation

/// The bulk of the demo data: CI-built images of two accounts in cn-shanghai and cn-beijing, drawn
/// from a fixed-seed generator so every start produces the same images, ids and times.
///
/// cn-hangzhou, the default region, keeps only the hand-written images that the documentation,
/// the tests and `examples/quickstart.lua` name; the fleet goes after them so their ids never move.
struct DemoFleet {
    /// One (region, owner) slice of the fleet: how many images and which families they fill.
    struct Slice {
        let region: String
        let owner: String
        let count: Int
        /// Family name and how many images of the slice join it (existing members count towards the quota).
        let families: [(String, Int)]
    }

    /// The seed of the demo data; changing it changes every generated image.
    static let seed: UInt64 = 20_240_101

    /// The slices: main-account cn-shanghai stays at its 8 families (region quota full), sh-api reaches 4 of 5;
    /// main-account cn-beijing has 7 families; the second account fills its cn-shanghai quota and one family.
    static let slices: [Slice] = [
        Slice(region: "cn-shanghai", owner: DemoData.mainAccount, count: 70, families: [("sh-api", 3)]),
        Slice(region: "cn-beijing", owner: DemoData.mainAccount, count: 70, families: [
            ("bj-etl", 4), ("bj-report", 3), ("bj-api", 2), ("bj-ml", 2), ("bj-stream", 1), ("bj-warehouse", 1), ("bj-bi", 1),
        ]),
        Slice(region: "cn-shanghai", owner: DemoData.otherAccount, count: 65, families: [
            ("storefront", 5), ("checkout", 4), ("ledger", 3), ("crm", 2), ("mail", 2), ("search", 1), ("vpn", 1), ("monitor", 1),
        ]),
        Slice(region: "cn-beijing", owner: DemoData.otherAccount, count: 65, families: [("ingest", 4), ("dashboard", 2), ("cache", 1)]),
    ]

    static let services = [
        "orders", "payments", "catalog", "checkout", "auth", "billing", "inventory", "shipping", "reports", "notify",
        "gateway", "ledger", "media", "crawler", "etl", "profile", "recommend", "chat", "audit", "backup",
    ]
    static let roles = ["api", "worker", "web", "batch", "cron", "proxy"]
    static let statuses: [(String, Double)] = [
        ("Deprecated", 0.08), ("Creating", 0.03), ("CreateFailed", 0.03), ("UnAvailable", 0.03),
    ]

    private var random = SeededGenerator(seed: DemoFleet.seed)
    private var taken: Set<String> = []

    /// Adds every slice, plus one `golden-base-2024` per (region, owner) of the fleet: a name that collides
    /// across regions and accounts, as ECS allows (names are unique per account and region only).
    static func add(to builder: inout DemoImageBuilder) {
        var fleet = DemoFleet()
        fleet.taken = Set(builder.images.map { "\($0.ownerId)/\($0.regionId)/\($0.name)" })
        for slice in slices { fleet.add(slice, to: &builder) }
    }

    private mutating func add(_ slice: Slice, to builder: inout DemoImageBuilder) {
        var made = 0
        for (family, members) in slice.families {
            for index in 1...members {
                let day = 30 + Double(index) * 21 + random.unit()
                let name = unique("\(family)-\(DemoFleet.stamp(day))", slice)
                builder.custom(slice.region, owner: slice.owner, name: name, days: day, family: family) { vary(&$0, slice) }
                made += 1
            }
        }
        let golden = unique("golden-base-2024", slice)
        builder.custom(slice.region, owner: slice.owner, name: golden, days: 3.5) { $0.tags = [.init(key: "env", value: "prod")] }
        made += 1
        while made < slice.count {
            let service = random.pick(DemoFleet.services)
            let role = random.pick(DemoFleet.roles)
            let day = 2 + random.unit() * 330
            let status = drawStatus()
            let name = unique("\(service)-\(role)-\(DemoFleet.stamp(day))", slice)
            builder.custom(slice.region, owner: slice.owner, name: name, days: day, status: status) { image in
                vary(&image, slice)
                image.tags = [.init(key: "service", value: service), .init(key: "role", value: role)]
                if status == "Creating" { image.progress = "\(10 + random.below(80))%" }
                if status == "CreateFailed" { image.progress = "0%" }
                if status == "Available", random.chance(0.1) {
                    let partner = slice.owner == DemoData.mainAccount ? DemoData.otherAccount : DemoData.mainAccount
                    image.sharedWith = [partner: image.creationTime.addingTimeInterval(3_600)]
                }
            }
            made += 1
        }
    }

    /// Architecture, OS, boot mode, IMDS, usage, size and description, drawn for one image.
    private mutating func vary(_ image: inout ImageRecord, _ slice: Slice) {
        image.sizeGiB = random.pick([20, 40, 40, 80, 100])
        if random.chance(0.15) {
            image.architecture = "arm64"
            image.osName = "Alibaba Cloud Linux  3.2104 LTS 64位 ARM版"
            image.osNameEn = "Alibaba Cloud Linux  3.2104 LTS 64 bit ARM Edition"
        } else if random.chance(0.08) {
            image.osType = "windows"
            image.platform = "Windows Server 2022"
            image.osName = "Windows Server  2022 数据中心版 64位英文版"
            image.osNameEn = "Windows Server  2022 Data Center Edition 64bit English Edition"
            image.bootMode = "BIOS"
        } else if random.chance(0.3) {
            image.platform = "Ubuntu"
            image.osName = "Ubuntu  22.04 64位"
            image.osNameEn = "Ubuntu  22.04 64 bit"
            image.bootMode = "UEFI-Preferred"
        }
        if random.chance(0.3) { image.imdsSupport = "v2" }
        if image.status == "Available", random.chance(0.2) { image.instanceCount = 1 + random.below(6) }
        image.isCopied = random.chance(0.05)
        image.description = "\(image.name) from the \(slice.region) pipeline"
    }

    private mutating func drawStatus() -> String {
        var draw = random.unit()
        for (status, share) in DemoFleet.statuses {
            if draw < share { return status }
            draw -= share
        }
        return "Available"
    }

    /// `name`, or `name-2`, `name-3`... when the account already has that name in the region.
    private mutating func unique(_ name: String, _ slice: Slice) -> String {
        var candidate = name
        var suffix = 1
        while taken.contains("\(slice.owner)/\(slice.region)/\(candidate)") {
            suffix += 1
            candidate = "\(name)-\(suffix)"
        }
        taken.insert("\(slice.owner)/\(slice.region)/\(candidate)")
        return candidate
    }

    /// `yyyymmdd` of the demo day `day` (days after 2024-01-01, UTC).
    static func stamp(_ day: Double) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = Date(timeIntervalSince1970: 1_704_067_200 + day * 86_400)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
