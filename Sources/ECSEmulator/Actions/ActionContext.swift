import Foundation

/// What an action needs: the caller's account, its parameters, the store, the quotas and the clock.
struct ActionContext {
    let requestId: String
    let accountId: String
    let parameters: RequestParameters
    let store: any ImageStore
    let options: EmulatorOptions
    let now: Date

    /// The region of the request; required by every image action.
    func region() throws -> String { try parameters.required("RegionId") }

    /// The caller's own custom image with an id in the region, or `InvalidImageId.NotFound`.
    /// Images of other accounts, other regions and platform images are all "not found".
    func ownImage(_ imageId: String, region: String) throws -> ImageRecord {
        guard let image = try store.image(id: imageId, regionId: region), image.origin == .custom,
              image.ownerId == accountId, image.regionId == region
        else { throw EmulatorError("InvalidImageId.NotFound") }
        return image
    }

    /// A body holding only the request id, the answer of every mutating action.
    var acknowledgement: JSONNode { .object([("RequestId", .string(requestId))]) }

    /// Throws `DryRunOperation` when the request asked for a dry run; called once every check passed.
    func finishDryRun() throws {
        if try parameters.bool("DryRun") == true { throw EmulatorError("DryRunOperation") }
    }
}
