import Foundation

/// ModifyImageSharePermission: adds and removes accounts (`AddAccount.N`, `RemoveAccount.N`, N ≤ 10)
/// and toggles `IsPublic`, all in one commit. An image is shared with at most 50 accounts, and never
/// with its owner's own.
enum ModifyImageSharePermissionAction {
    static let maxAccounts = 10
    /// Accounts one image may be shared with ("up to 50 Alibaba Cloud accounts", the API reference).
    static let maxSharedAccounts = 50

    static func run(_ context: ActionContext) throws -> JSONNode {
        let parameters = context.parameters
        let region = try context.region()
        let imageId = try parameters.required("ImageId")
        let image = try context.ownImage(imageId, region: region)
        let adds = try accounts(parameters, "AddAccount")
        let removes = try accounts(parameters, "RemoveAccount")
        let makePublic = try parameters.bool("IsPublic")
        if adds.contains(context.accountId) { throw EmulatorError("InvalidAccount.Forbbiden") }
        var changed = image
        for account in removes { changed.sharedWith[account] = nil }
        for account in adds where changed.sharedWith[account] == nil {
            changed.sharedWith[account] = context.now
        }
        if changed.sharedWith.count > maxSharedAccounts, changed.sharedWith.count > image.sharedWith.count {
            throw EmulatorError("QuotaExceed.ShareImageUser")
        }
        if let makePublic { changed.isPublic = makePublic }
        if changed != image, image.status == "Creating" { throw EmulatorError("InvalidStatus.ImageIsCreating") }
        try context.finishDryRun()
        if changed != image { try context.store.commit(upserts: [changed], deletions: []) }
        return context.acknowledgement
    }

    private static func accounts(_ parameters: RequestParameters, _ name: String) throws -> [String] {
        let entries = parameters.indexed(name)
        for (index, value) in entries {
            guard (1...maxAccounts).contains(index) else { throw EmulatorError.invalid("\(name).\(index)", value) }
            guard !value.isEmpty, value.allSatisfy(\.isNumber) else { throw EmulatorError.invalid("\(name).\(index)", value) }
        }
        return entries.map(\.1)
    }
}
