/// The HTTP status and official English message of every ECS error code ecsh knows.
public enum ErrorCatalog {
    /// One documented error: its code, the HTTP status the server gives, and its English message.
    public struct Entry: Sendable, Equatable {
        /// The server's error code, e.g. `InvalidImageName.Malformed`.
        public let code: String
        /// The HTTP status the server answers with.
        public let httpStatus: Int
        /// The English message from the API reference (typos such as "bean" kept: it is the wire text).
        public let message: String

        /// Creates an entry.
        public init(code: String, httpStatus: Int, message: String) {
            self.code = code
            self.httpStatus = httpStatus
            self.message = message
        }
    }

    /// The status `httpStatus(for:)` gives for a code this catalog does not know.
    public static let defaultHTTPStatus = 400

    /// The codes of the ModifyImageAttribute reference page, in its order.
    public static let modifyImageAttributeEntries: [Entry] = [
        Entry(code: "InvalidImageName.Malformed", httpStatus: 400, message: "Image names must be between 2 and 128 characters long, using either English or Chinese characters. The name must start with a letter or a Chinese character, and can include numbers, colons, underscores and hyphens."),
        Entry(code: "MissingParameter", httpStatus: 400, message: "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied."),
        Entry(code: "InvalidImageName.Duplicated", httpStatus: 400, message: "The specified Image name has already bean used."),
        Entry(code: "InvalidDescription.Malformed", httpStatus: 400, message: "The specified description is wrongly formed."),
        Entry(code: "ImageQuotaFull.ImageFamily", httpStatus: 400, message: "The specified image family has exceeded max number of images for one image family."),
        Entry(code: "InvalidImageFamily.Malformed", httpStatus: 400, message: "The specified parameter \"ImageFamily\" is malformed."),
        Entry(code: "ImageFamilyQuotaFull", httpStatus: 400, message: "The specified region has exceeded max number of image family."),
        Entry(code: "InvalidBootMode.NotSupport", httpStatus: 400, message: "The specified parameter BootMode is not supported."),
        Entry(code: "InvalidLicenseType.NotSupported", httpStatus: 400, message: "The specified parameter LicenseType is not supported."),
        Entry(code: "InvalidParameter.FeaturesImdsSupport", httpStatus: 400, message: "The specified parameter Features.ImdsSupport is not supported."),
        Entry(code: "ImageStatus.NotAvailable", httpStatus: 403, message: "The specified image status is not available."),
        Entry(code: "ImageStatus.NotDeprecated", httpStatus: 403, message: "The specified image status is not deprecated."),
        Entry(code: "ImageUseShared", httpStatus: 403, message: "The specified image has been shared to others, please remove shared accounts first."),
        Entry(code: "OperationDeined.ImageUsingByInstance", httpStatus: 403, message: "The boot mode of the image cannot be modified because it has associated instances."),
        Entry(code: "InvalidOperation.FeaturesImdsSupportNotMatch", httpStatus: 403, message: "The specified parameter Features.ImdsSupport can not be set to v1 from v2."),
        Entry(code: "InvalidStatus.ImageIsCreating", httpStatus: 403, message: "The operation cannot be performed because the image is creating. Please wait until the creation is complete and try again."),
        Entry(code: "InvalidImageId.NotFound", httpStatus: 404, message: "The specified ImageId does not exist."),
    ]

    /// Errors every ECS endpoint gives: signing, authorization, throttling, generic parameters.
    public static let globalEntries: [Entry] = [
        Entry(code: "SignatureDoesNotMatch", httpStatus: 400, message: "Specified signature is not matched with our calculation."),
        Entry(code: "IncompleteSignature", httpStatus: 400, message: "The request signature does not conform to Aliyun standards."),
        Entry(code: "InvalidAccessKeyId.NotFound", httpStatus: 404, message: "Specified access key is not found."),
        Entry(code: "InvalidTimeStamp.Expired", httpStatus: 400, message: "Specified time stamp or date value is expired."),
        Entry(code: "InvalidTimeStamp.Format", httpStatus: 400, message: "Specified time stamp or date value is not well formatted."),
        Entry(code: "SignatureNonceUsed", httpStatus: 400, message: "Specified signature nonce was used already."),
        Entry(code: "Forbidden.RAM", httpStatus: 403, message: "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
        Entry(code: "Throttling.User", httpStatus: 400, message: "Request was denied due to user flow control."),
        Entry(code: "InvalidParameter", httpStatus: 400, message: "The specified parameter is not valid."),
        Entry(code: "InvalidRegionId.MalFormed", httpStatus: 400, message: "The specified parameter RegionId is not valid."),
        Entry(code: "InvalidRegionId.NotFound", httpStatus: 404, message: "The specified RegionId does not exist."),
        Entry(code: "InvalidAction.NotFound", httpStatus: 404, message: "Specified api is not found, please check your url and method."),
        Entry(code: "InvalidVersion", httpStatus: 400, message: "Specified parameter Version is not valid."),
        Entry(code: "DryRunOperation", httpStatus: 400, message: "Request validation has been passed with DryRun flag set."),
        Entry(code: "ServiceUnavailable", httpStatus: 503, message: "The request has failed due to a temporary failure of the server."),
        Entry(code: "InternalError", httpStatus: 500, message: "The request processing has failed due to some unknown error, exception or failure."),
    ]

    /// Codes of the related image operations (DescribeImages, the share permissions, DeleteImage).
    public static let relatedEntries: [Entry] = [
        Entry(code: "InvalidImageId.Malformed", httpStatus: 400, message: "The specified parameter ImageId is not valid."),
        Entry(code: "InvalidImageOwnerAlias.ValueNotSupported", httpStatus: 400, message: "The specified ImageOwnerAlias value is not supported."),
        Entry(code: "InvalidTag.Mismatch", httpStatus: 400, message: "The specified Tag.n.Key and Tag.n.Value are not match."),
        Entry(code: "InvalidTagCount", httpStatus: 400, message: "The specified tags are beyond the permitted range."),
        Entry(code: "InvalidTagKey.Malformed", httpStatus: 400, message: "The specified Tag.n.Key is not valid."),
        Entry(code: "InvalidTagValue.Malformed", httpStatus: 400, message: "The specified Tag.n.Value is not valid."),
        Entry(code: "InvalidFilterKey.NotFound", httpStatus: 404, message: "The specified Filter Key is not found."),
        Entry(code: "InvalidFilterValue", httpStatus: 404, message: "The specified Filter Value is not valid."),
        Entry(code: "InvalidUsage", httpStatus: 404, message: "The specified Usage is not valid."),
        Entry(code: "InvalidOSType", httpStatus: 404, message: "The specified OSType is not valid."),
        Entry(code: "InvalidArchitecture", httpStatus: 404, message: "The specified Architecture is not valid."),
        Entry(code: "IncorrectImageStatus", httpStatus: 400, message: "The image is not available."),
        Entry(code: "InvalidAccount.NotFound", httpStatus: 404, message: "The specified parameter AddAccount.n or RemoveAccount.n does not exist."),
        Entry(code: "InvalidAccount.Forbbiden", httpStatus: 404, message: "The specified account does not yourself."),
        Entry(code: "QuotaExceed.ShareImageUser", httpStatus: 403, message: "The shared image user quota exceeds."),
        Entry(code: "OperationDeined.EncryptedSnapshot", httpStatus: 403, message: "The image contains encrypted snapshots, which do not support share."),
        Entry(code: "ImageUsingByInstance", httpStatus: 403, message: "The specified image has been used to create instances."),
        Entry(code: "OperationDenied.ImageCopying", httpStatus: 403, message: "The Image is coping."),
    ]

    /// Every entry: the ModifyImageAttribute page, then the global codes, then the related ones.
    public static let entries: [Entry] = modifyImageAttributeEntries + globalEntries + relatedEntries

    private static let byCode: [String: Entry] = Dictionary(
        entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for `code`, or nil when the catalog does not know it.
    public static func entry(for code: String) -> Entry? { byCode[code] }

    /// The HTTP status the server gives for `code`; `defaultHTTPStatus` (400) when unknown.
    public static func httpStatus(for code: String) -> Int {
        byCode[code]?.httpStatus ?? defaultHTTPStatus
    }

    /// The official English message for `code`, or nil when the catalog does not know it.
    public static func message(for code: String) -> String? { byCode[code]?.message }
}
