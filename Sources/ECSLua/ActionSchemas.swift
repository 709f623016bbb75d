import ECSValidation

/// The parameter models of the seven image actions (field trees of the official SDK models).
public enum ActionSchemas {
    private static let owner: [ParameterField] = [
        ParameterField("OwnerAccount", .string), ParameterField("OwnerId", .integer, rule: "non-negative integer"),
        ParameterField("ResourceOwnerAccount", .string),
        ParameterField("ResourceOwnerId", .integer, rule: "non-negative integer"),
    ]
    private static let region = ParameterField(
        "RegionId", .string, required: true, rule: "region such as cn-hangzhou; defaults to the configured region")
    private static let imageId = ParameterField("ImageId", .string, required: true, rule: "image ID such as m-bp1...")
    private static let dryRun = ParameterField(
        "DryRun", .boolean, rule: "check only: the server answers DryRunOperation when the request would succeed")
    private static let keyValue: ParameterType = .list(.structure([ParameterField("Key", .string), ParameterField("Value", .string)]))
    private static func values(_ list: [String]) -> String { "one of " + list.joined(separator: ", ") }
    private static let nameRule =
        "2-128 characters; starts with a letter or a Chinese character; no aliyun/acs: prefix, no http(s)://; letters, digits, '.', ':', '_', '-'"

    /// ModifyImageAttribute.
    public static let modifyImageAttribute = ActionSchema(
        action: "ModifyImageAttribute", function: "modify_image_attribute",
        summary: "Changes the name, description, family, boot mode, license type, features or deprecation status of a custom image.",
        fields: [
            region, imageId,
            ParameterField("ImageName", .string, rule: nameRule),
            ParameterField("Description", .string, rule: "2-256 characters; must not start with http:// or https://"),
            ParameterField("ImageFamily", .string, rule: "same rule as ImageName"),
            ParameterField("Status", .string, rule: values(ImageRules.modifyStatuses)),
            ParameterField("BootMode", .string, rule: values(ImageRules.bootModes)),
            ParameterField("LicenseType", .string, rule: values(ImageRules.licenseTypes)),
            ParameterField("Features", .structure([
                ParameterField("ImdsSupport", .string, rule: values(ImageRules.imdsSupportValues) + "; never from v2 back to v1"),
                ParameterField("NvmeSupport", .string, rule: values(ImageRules.nvmeSupportValues)),
            ]), rule: "{ ImdsSupport = \"v2\", NvmeSupport = \"supported\" }"),
            dryRun,
        ] + owner,
        returns: "{ RequestId = ... }",
        errorCodes: ErrorCatalog.modifyImageAttributeEntries.map(\.code) + ["InvalidImageId.Malformed", "InvalidParameter", "InvalidRegionId.MalFormed", "DryRunOperation", "Forbidden.RAM", "Throttling.User"],
        example: #"ecs.modify_image_attribute{ ImageId = "m-bp1...", ImageName = "web-prod-v2", Features = { ImdsSupport = "v2" } }"#)

    /// DescribeImages.
    public static let describeImages = ActionSchema(
        action: "DescribeImages", function: "describe_images",
        summary: "Lists one page of the images visible in a region (default Status filter: Available).",
        fields: [
            region,
            ParameterField("ImageId", .string, rule: "one ID or several separated by commas"),
            ParameterField("ImageName", .string, rule: "fuzzy match"),
            ParameterField("ImageFamily", .string),
            ParameterField("ImageOwnerAlias", .string, rule: values(ImageRules.imageOwnerAliases)),
            ParameterField("ImageOwnerId", .integer),
            ParameterField("Status", .string, rule: "comma-separated list of " + ImageRules.imageStatuses.joined(separator: ", ") + ", or ALL"),
            ParameterField("OSType", .string, rule: values(ImageRules.osTypes)),
            ParameterField("Architecture", .string, rule: values(ImageRules.architectures)),
            ParameterField("Usage", .string, rule: values(ImageRules.usages)),
            ParameterField("SnapshotId", .string), ParameterField("InstanceType", .string),
            ParameterField("ActionType", .string, rule: values(ImageRules.actionTypes)), ParameterField("ResourceGroupId", .string),
            ParameterField("IsPublic", .boolean), ParameterField("IsSupportCloudinit", .boolean),
            ParameterField("IsSupportIoOptimized", .boolean), ParameterField("ShowExpired", .boolean),
            ParameterField("Usable", .boolean),
            ParameterField("PageNumber", .integer, rule: "1 to 2147483647 (default 1)"),
            ParameterField("PageSize", .integer, rule: "1-100 (default 10)"),
            ParameterField("Tag", keyValue, rule: "up to \(RequestValidator.maxTagIndex) of { Key = ..., Value = ... }"),
            ParameterField("Filter", keyValue, rule: "Key " + values(RequestValidator.filterKeys) + ", Value like 2017-12-05T22:40Z"),
            dryRun,
        ] + owner,
        returns: "{ RequestId, RegionId, TotalCount, PageNumber, PageSize, Images = { image, ... } }",
        errorCodes: ["InvalidRegionId.MalFormed", "InvalidRegionId.NotFound", "InvalidParameter", "InvalidImageOwnerAlias.ValueNotSupported", "InvalidOSType", "InvalidArchitecture", "InvalidUsage", "InvalidTag.Mismatch", "InvalidTagCount", "InvalidTagKey.Malformed", "InvalidTagValue.Malformed", "InvalidFilterKey.NotFound", "InvalidFilterValue"],
        example: #"ecs.describe_images{ Status = "Available,Deprecated", ImageOwnerAlias = "self", PageSize = 50 }"#)

    /// DescribeImageFromFamily.
    public static let describeImageFromFamily = ActionSchema(
        action: "DescribeImageFromFamily", function: "image_from_family",
        summary: "Returns the latest available image of an image family.",
        fields: [region, ParameterField("ImageFamily", .string, required: true, rule: "a family name; system families (acs:...) allowed")] + owner,
        returns: "the image table (nil when the family has no available image)",
        errorCodes: ["MissingParameter", "InvalidImageFamily.Malformed", "InvalidRegionId.MalFormed", "InvalidRegionId.NotFound"],
        example: #"ecs.image_from_family{ ImageFamily = "web-prod" }"#)

    /// DescribeImageSharePermission.
    public static let describeImageSharePermission = ActionSchema(
        action: "DescribeImageSharePermission", function: "describe_image_share_permission",
        summary: "Lists the accounts and groups a custom image is shared with.",
        fields: [
            region, imageId, ParameterField("PageNumber", .integer, rule: "1 to 2147483647"),
            ParameterField("PageSize", .integer, rule: "1-100"),
        ] + owner,
        returns: "{ RequestId, ImageId, RegionId, TotalCount, PageNumber, PageSize, Accounts = { {AliyunId, SharedTime}, ... }, ShareGroups = { {Group}, ... } }",
        errorCodes: ["MissingParameter", "InvalidImageId.Malformed", "InvalidImageId.NotFound", "InvalidParameter"],
        example: #"ecs.describe_image_share_permission{ ImageId = "m-bp1..." }"#)

    /// ModifyImageSharePermission.
    public static let modifyImageSharePermission = ActionSchema(
        action: "ModifyImageSharePermission", function: "modify_image_share_permission",
        summary: "Shares a custom image with accounts, or stops sharing it.",
        fields: [
            region, imageId,
            ParameterField("AddAccount", .list(.string), rule: "up to \(RequestValidator.maxShareAccountIndex) account IDs"),
            ParameterField("RemoveAccount", .list(.string), rule: "up to \(RequestValidator.maxShareAccountIndex) account IDs"),
            ParameterField("IsPublic", .boolean), ParameterField("LaunchPermission", .string), dryRun,
        ] + owner,
        returns: "{ RequestId = ... }",
        errorCodes: ["MissingParameter", "InvalidImageId.NotFound", "InvalidParameter", "InvalidAccount.NotFound", "InvalidAccount.Forbbiden", "QuotaExceed.ShareImageUser", "OperationDeined.EncryptedSnapshot", "IncorrectImageStatus"],
        example: #"ecs.modify_image_share_permission{ ImageId = "m-bp1...", AddAccount = { "1122334455667788" } }"#)

    /// DescribeRegions.
    public static let describeRegions = ActionSchema(
        action: "DescribeRegions", function: "describe_regions",
        summary: "Lists the regions.",
        fields: [
            ParameterField("RegionId", .string, rule: "optional here"),
            ParameterField("AcceptLanguage", .string, rule: values(RequestValidator.acceptLanguages)),
            ParameterField("InstanceChargeType", .string, rule: values(RequestValidator.instanceChargeTypes)),
            ParameterField("ResourceType", .string, rule: values(RequestValidator.regionResourceTypes)),
        ] + owner,
        returns: "{ RequestId, Regions = { {RegionId, LocalName, RegionEndpoint, Status}, ... } }",
        errorCodes: ["InvalidParameter", "InvalidRegionId.MalFormed"],
        example: #"ecs.describe_regions{ AcceptLanguage = "en-US" }"#)

    /// DeleteImage.
    public static let deleteImage = ActionSchema(
        action: "DeleteImage", function: "delete_image",
        summary: "Deletes a custom image.",
        fields: [region, imageId, ParameterField("Force", .boolean, rule: "delete even when instances use it"), dryRun] + owner,
        returns: "{ RequestId = ... }",
        errorCodes: ["MissingParameter", "InvalidImageId.NotFound", "ImageUsingByInstance", "ImageUseShared", "OperationDenied.ImageCopying", "InvalidParameter"],
        example: #"ecs.delete_image{ ImageId = "m-bp1...", Force = false }"#)

    /// Every schema, in the order help lists them.
    public static let all: [ActionSchema] = [
        modifyImageAttribute, describeImages, describeImageFromFamily, describeImageSharePermission,
        modifyImageSharePermission, describeRegions, deleteImage,
    ]

    /// The schema of an API action.
    public static func schema(action: String) -> ActionSchema? { all.first { $0.action == action } }
}
