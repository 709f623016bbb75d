/// The four owner fields every ECS request model carries (`OwnerAccount`, `OwnerId`,
/// `ResourceOwnerAccount`, `ResourceOwnerId`), set only when acting for another account.
public struct OwnerParameters: Equatable, Sendable {
    /// `OwnerAccount`.
    public var ownerAccount: String?
    /// `OwnerId`.
    public var ownerId: Int64?
    /// `ResourceOwnerAccount`.
    public var resourceOwnerAccount: String?
    /// `ResourceOwnerId`.
    public var resourceOwnerId: Int64?

    /// Creates owner fields; all absent by default.
    public init(ownerAccount: String? = nil, ownerId: Int64? = nil, resourceOwnerAccount: String? = nil, resourceOwnerId: Int64? = nil) {
        self.ownerAccount = ownerAccount
        self.ownerId = ownerId
        self.resourceOwnerAccount = resourceOwnerAccount
        self.resourceOwnerId = resourceOwnerId
    }

    /// Adds the fields that are set to a request's wire parameters.
    func apply(to builder: inout ParameterBuilder) {
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
    }
}
