import Foundation
import Testing

@testable import ECSEmulator

/// The demo data set: its size, what it covers, and that every build of it is the same.
@Suite struct DemoDataTests {
    let images = DemoData.images()

    @Test func holdsAtLeastThreeHundredImagesOverThreeRegionsAndTwoOwners() {
        #expect(images.count >= 300)
        for region in ["cn-hangzhou", "cn-shanghai", "cn-beijing"] {
            for owner in [DemoData.mainAccount, DemoData.otherAccount] {
                let own = images.filter { $0.regionId == region && $0.ownerId == owner && $0.origin == .custom }
                #expect(!own.isEmpty, "\(owner) has images in \(region)")
            }
        }
        let fleet = images.filter { ["cn-shanghai", "cn-beijing"].contains($0.regionId) && $0.origin == .custom }
        #expect(fleet.filter { $0.ownerId == DemoData.mainAccount }.count >= 100)
        #expect(fleet.filter { $0.ownerId == DemoData.otherAccount }.count >= 100)
    }

    @Test func twoBuildsAreEqual() {
        #expect(DemoData.images() == images)
        #expect(DemoFleet.stamp(0) == "20240101")
    }

    @Test func keysAreUniqueAndNamesAreUniquePerOwnerAndRegion() {
        #expect(Set(images.map(\.storeKey)).count == images.count)
        let custom = images.filter { $0.origin == .custom }
        #expect(Set(custom.map { "\($0.ownerId)/\($0.regionId)/\($0.name)" }).count == custom.count)
        let ids = custom.map(\.imageId)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 22 && $0.hasPrefix("m-") })
    }

    @Test func coversEveryStateTheErrorTableNeeds() {
        let custom = images.filter { $0.origin == .custom }
        for status in ["Available", "Creating", "Deprecated", "UnAvailable", "CreateFailed"] {
            for region in ["cn-hangzhou", "cn-shanghai", "cn-beijing"] {
                #expect(custom.contains { $0.status == status && $0.regionId == region }, "\(status) in \(region)")
            }
        }
        #expect(custom.contains { !$0.sharedWith.isEmpty && $0.ownerId == DemoData.mainAccount })
        #expect(custom.contains { !$0.sharedWith.isEmpty && $0.ownerId == DemoData.otherAccount })
        #expect(custom.contains { $0.instanceCount > 0 })
        #expect(custom.contains { $0.architecture == "arm64" })
        #expect(custom.filter { $0.architecture == "arm64" }.allSatisfy { $0.bootMode != "BIOS" })
        #expect(custom.contains { $0.imdsSupport == "v2" })
        #expect(custom.contains { $0.osType == "windows" })
        #expect(custom.filter { !$0.sharedWith.isEmpty || $0.instanceCount > 0 }.allSatisfy { $0.status == "Available" })
        #expect(images.contains { $0.origin == .system && $0.isPublic })
        #expect(images.contains { $0.origin == .marketplace })
        let golden = custom.filter { $0.name == "golden-base-2024" }
        #expect(Set(golden.map(\.regionId)).count >= 2, "a name that collides across regions")
        #expect(Set(golden.map(\.ownerId)).count == 2, "a name that collides across accounts")
    }

    @Test func familiesSitAtOrNearBothQuotas() {
        let options = EmulatorOptions()
        var familySizes: [String: Int] = [:]
        var familiesPerRegion: [String: Set<String>] = [:]
        for image in images where image.origin == .custom && !image.family.isEmpty {
            familySizes["\(image.ownerId)/\(image.regionId)/\(image.family)", default: 0] += 1
            familiesPerRegion["\(image.ownerId)/\(image.regionId)", default: []].insert(image.family)
        }
        #expect(familySizes.values.allSatisfy { $0 <= options.familyQuota })
        #expect(familiesPerRegion.values.allSatisfy { $0.count <= options.regionFamilyQuota })
        #expect(familySizes.values.contains(options.familyQuota))
        #expect(familySizes.values.contains(options.familyQuota - 1))
        #expect(familiesPerRegion.values.contains { $0.count == options.regionFamilyQuota })
        #expect(familiesPerRegion.values.contains { $0.count == options.regionFamilyQuota - 1 })
        #expect(familiesPerRegion["\(DemoData.mainAccount)/cn-shanghai"]?.count == options.regionFamilyQuota)
    }

    @Test func theDefaultRegionKeepsTheDocumentedImages() throws {
        let hangzhou = images.filter { $0.regionId == DemoData.defaultRegion && $0.ownerId == DemoData.mainAccount }
        let webProd = hangzhou.filter { $0.family == "web-prod" }
        #expect(webProd.count == 5)
        #expect(hangzhou.filter { $0.family == "batch-nightly" }.count == 4)
        #expect(try #require(webProd.first { $0.name == "web-prod-v5" }).imageId == "m-bp1u0vquwk6cg4wf53mk")
    }
}
