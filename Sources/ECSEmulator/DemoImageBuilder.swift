import Foundation

/// Builds the demo images with realistic, deterministic ids (`m-bp1…`) and spread-out creation times.
struct DemoImageBuilder {
    private(set) var images: [ImageRecord] = []
    private var counter: UInt64 = 0
    private let epoch = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A fresh image id in the style of the region (`m-` + region prefix + `1` + 17 characters).
    mutating func nextId(region: String) -> String {
        counter += 1
        var state = counter &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03
        var suffix = ""
        for _ in 0..<17 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            suffix.append(DemoImageBuilder.alphabet[Int((state >> 33) % 36)])
        }
        let prefix = RegionCatalog.region(region)?.idPrefix ?? "xx"
        return "m-\(prefix)1\(suffix)"
    }

    /// A creation time `days` days (and some hours) after 2024-01-01.
    func day(_ days: Double) -> Date { epoch.addingTimeInterval(days * 86_400) }

    mutating func add(_ record: ImageRecord) { images.append(record) }

    mutating func custom(
        _ region: String, owner: String = DemoData.mainAccount, name: String, days: Double, family: String = "",
        status: String = "Available", configure: (inout ImageRecord) -> Void = { _ in }
    ) {
        var record = ImageRecord(
            imageId: nextId(region: region), regionId: region, ownerId: owner, name: name,
            description: "\(name) built by the demo pipeline", family: family, status: status,
            creationTime: day(days), snapshotId: "s-\(RegionCatalog.region(region)?.idPrefix ?? "xx")1demo\(images.count + 1000)",
            resourceGroupId: "rg-acfm2demo\(owner.suffix(4))")
        configure(&record)
        add(record)
    }

    mutating func addPlatformImages(regions: [String]) {
        let platform: [(String, String, String, String, String, String, Double)] = [
            ("centos_7_9_x64_20G_alibase_20240628.vhd", "CentOS  7.9 64位", "CentOS  7.9 64 bit", "CentOS", "x86_64", "BIOS", 180),
            ("ubuntu_22_04_x64_20G_alibase_20240710.vhd", "Ubuntu  22.04 64位", "Ubuntu  22.04 64 bit", "Ubuntu", "x86_64", "UEFI-Preferred", 191),
            ("aliyun_3_x64_20G_alibase_20240819.vhd", "Alibaba Cloud Linux  3.2104 LTS 64位", "Alibaba Cloud Linux  3.2104 LTS 64 bit", "Aliyun", "x86_64", "UEFI-Preferred", 231),
            ("aliyun_3_arm64_20G_alibase_20240819.vhd", "Alibaba Cloud Linux  3.2104 LTS 64位 ARM版", "Alibaba Cloud Linux  3.2104 LTS 64 bit ARM Edition", "Aliyun", "arm64", "UEFI", 231.5),
            ("win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd", "Windows Server  2022 数据中心版 64位英文版", "Windows Server  2022 Data Center Edition 64bit English Edition", "Windows Server 2022", "x86_64", "BIOS", 197),
        ]
        for region in regions {
            for (id, name, nameEn, os, arch, boot, days) in platform {
                add(ImageRecord(
                    imageId: id, regionId: region, ownerId: DemoData.platformAccount, origin: .system, name: id,
                    description: nameEn, family: id.hasPrefix("aliyun_3_x64") ? "acs:alibaba_cloud_linux_3_2104_lts_x64" : "",
                    version: "1", sizeGiB: id.hasPrefix("win") ? 40 : 20, creationTime: day(days), architecture: arch,
                    bootMode: boot, osType: id.hasPrefix("win") ? "windows" : "linux", osName: name, osNameEn: nameEn,
                    platform: os, licenseType: "Auto", isPublic: true, imdsSupport: "v2", snapshotId: ""))
            }
        }
        add(ImageRecord(
            imageId: nextId(region: "cn-hangzhou"), regionId: "cn-hangzhou", ownerId: "1500000000000002", origin: .marketplace,
            name: "LAMP-stack-on-CentOS-7.9", description: "Linux, Apache, MySQL and PHP, ready to run",
            creationTime: day(150), osName: "CentOS  7.9 64位", osNameEn: "CentOS  7.9 64 bit", platform: "CentOS",
            isPublic: true))
    }

    mutating func addHangzhouCustomImages() {
        let hz = "cn-hangzhou"
        for index in 1...5 {
            custom(hz, name: "web-prod-v\(index)", days: 20 + Double(index) * 9.5, family: "web-prod") { image in
                image.tags = [.init(key: "env", value: "prod"), .init(key: "team", value: "web")]
                if index == 5 { image.instanceCount = 3 }
            }
        }
        for index in 1...4 {
            custom(hz, name: "batch-nightly-\(20240300 + index)", days: 60 + Double(index), family: "batch-nightly") { image in
                image.tags = [.init(key: "env", value: "staging")]
            }
        }
        custom(hz, name: "hangzhou-daily-2024-05-01", days: 121, family: "hangzhou-daily-update", status: "Deprecated")
        custom(hz, name: "hangzhou-daily-2024-06-01", days: 152, family: "hangzhou-daily-update")
        custom(hz, name: "hangzhou-daily-2024-07-01", days: 182, family: "hangzhou-daily-update") { $0.imdsSupport = "v2" }
        custom(hz, name: "arm-build-01", days: 90, family: "arm-build") { image in
            image.architecture = "arm64"
            image.osNameEn = "Alibaba Cloud Linux  3.2104 LTS 64 bit ARM Edition"
        }
        custom(hz, name: "arm-build-02", days: 95.25, family: "arm-build") { $0.architecture = "arm64" }
        custom(hz, name: "app-server-creating", days: 240, status: "Creating") { $0.progress = "45%" }
        custom(hz, name: "legacy-centos6-base", days: 10, status: "Deprecated") { image in
            image.bootMode = "BIOS"
            image.platform = "CentOS"
            image.osNameEn = "CentOS  6.10 64 bit"
        }
        custom(hz, name: "broken-import-2024", days: 33, status: "CreateFailed") { $0.progress = "0%" }
        custom(hz, name: "retired-unavailable", days: 15.5, status: "UnAvailable")
        let sharedTimes = [DemoData.otherAccount: day(71), DemoData.partnerAccount: day(72)]
        custom(hz, name: "shared-base-image", days: 70.75) { $0.sharedWith = sharedTimes }
        custom(hz, name: "database-host", days: 100.3) { image in
            image.instanceCount = 2
            image.bootMode = "BIOS"
            image.tags = [.init(key: "env", value: "prod"), .init(key: "team", value: "data")]
        }
        custom(hz, name: "imds-v2-hardened", days: 130.6) { $0.imdsSupport = "v2" }
        custom(hz, name: "测试镜像-image_01", days: 140) { image in
            image.description = "custom image for testing"
            image.tags = [.init(key: "团队", value: "图像")]
        }
        custom(hz, name: "windows-iis-golden", days: 160) { image in
            image.osType = "windows"
            image.platform = "Windows Server 2022"
            image.osName = "Windows Server  2022 数据中心版 64位英文版"
            image.osNameEn = "Windows Server  2022 Data Center Edition 64bit English Edition"
            image.bootMode = "BIOS"
        }
        custom(hz, owner: DemoData.otherAccount, name: "other-private-build", days: 80)
        let toolboxShare = [DemoData.mainAccount: day(86)]
        custom(hz, owner: DemoData.otherAccount, name: "other-shared-toolbox", days: 85) { $0.sharedWith = toolboxShare }
    }

    mutating func addShanghaiFamilies() {
        let names = ["sh-api", "sh-web", "sh-db", "sh-cache", "sh-queue", "sh-search", "sh-ml", "sh-gateway"]
        for (index, family) in names.enumerated() {
            custom("cn-shanghai", name: "\(family)-base", days: 40 + Double(index) * 3.3, family: family)
        }
        custom("cn-shanghai", name: "sh-unfamilied-tools", days: 75)
    }

    mutating func addOtherRegions() {
        custom("cn-beijing", name: "bj-analytics", days: 55)
        custom("cn-beijing", name: "bj-analytics-arm", days: 56) { $0.architecture = "arm64" }
        custom("cn-beijing", owner: DemoData.otherAccount, name: "other-beijing-secret", days: 57)
        custom("ap-southeast-1", name: "sg-edge-proxy", days: 110)
        custom("cn-shenzhen", name: "sz-game-server", days: 125) { $0.instanceCount = 1 }
    }
}
