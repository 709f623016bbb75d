import Foundation

/// DeleteImage: removes an own custom image; refused while it is creating, shared (with accounts or
/// public), or used by instances (unless `Force=true`, which only overrides the instance check, as
/// documented). An image id that does not exist is ignored, as the API reference says ("if the specified
/// custom image does not exist, the request is ignored"): a retried delete whose answer was lost succeeds.
enum DeleteImageAction {
    static func run(_ context: ActionContext) throws -> JSONNode {
        let region = try context.region()
        let imageId = try context.parameters.required("ImageId")
        let force = try context.parameters.bool("Force") ?? false
        if try context.store.image(id: imageId, regionId: region) == nil {
            try context.finishDryRun()
            return context.acknowledgement
        }
        let image = try context.ownImage(imageId, region: region)
        if image.status == "Creating" { throw EmulatorError("InvalidStatus.ImageIsCreating") }
        if !image.sharedWith.isEmpty || image.isPublic {
            throw EmulatorError("ImageUseShared", message: "The specified image has been shared to others. You can use the DescribeImageSharePermission API to query the users who have been shared.")
        }
        if image.instanceCount > 0, !force { throw EmulatorError("ImageUsingByInstance") }
        try context.finishDryRun()
        try context.store.commit(upserts: [], deletions: [image])
        return context.acknowledgement
    }
}
