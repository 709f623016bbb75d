import Foundation

/// DeleteImage: removes an own custom image; refused while it is creating, shared, or used by
/// instances (unless `Force=true`, which only overrides the instance check, as documented).
enum DeleteImageAction {
    static func run(_ context: ActionContext) throws -> JSONNode {
        let region = try context.region()
        let imageId = try context.parameters.required("ImageId")
        let image = try context.ownImage(imageId, region: region)
        let force = try context.parameters.bool("Force") ?? false
        if image.status == "Creating" { throw EmulatorError("InvalidStatus.ImageIsCreating") }
        if !image.sharedWith.isEmpty {
            throw EmulatorError("ImageUseShared", message: "The specified image has been shared to others. You can use the DescribeImageSharePermission API to query the users who have been shared.")
        }
        if image.instanceCount > 0, !force { throw EmulatorError("ImageUsingByInstance") }
        try context.finishDryRun()
        try context.store.commit(upserts: [], deletions: [image])
        return context.acknowledgement
    }
}
