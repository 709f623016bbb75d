import Foundation

/// The documented demo data set: fixed access keys, two accounts, several regions and images in
/// every state the error table of ModifyImageAttribute needs.
public enum DemoData {
    /// The account of the two documented demo keys.
    public static let mainAccount = "1234567890123456"
    /// A second account with private images the main account cannot see.
    public static let otherAccount = "9876543210987654"
    /// A third account that some images are shared with.
    public static let partnerAccount = "1122334455667788"
    /// The owner id reported for Alibaba Cloud's public images.
    public static let platformAccount = "1000000000000001"
    /// The default region of the demo data.
    public static let defaultRegion = "cn-hangzhou"

    /// `demo-full-access` / `demo-full-secret` (all actions), `demo-read-only` / `demo-read-secret`
    /// (`Describe*` only), and `demo-other-access` / `demo-other-secret` of the second account.
    public static let accessKeys: [AccessKey] = [
        AccessKey(id: "demo-full-access", secret: "demo-full-secret", accountId: mainAccount, allowedActions: ["*"]),
        AccessKey(id: "demo-read-only", secret: "demo-read-secret", accountId: mainAccount, allowedActions: ["Describe*"]),
        AccessKey(id: "demo-other-access", secret: "demo-other-secret", accountId: otherAccount, allowedActions: ["*"]),
    ]

    /// All demo images (over 300); the same on every call: ids, times and the generated fleet all derive
    /// from fixed values, never from the clock or a random source.
    public static func images() -> [ImageRecord] {
        var builder = DemoImageBuilder()
        builder.addPlatformImages(regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"])
        builder.addHangzhouCustomImages()
        builder.addShanghaiFamilies()
        builder.addOtherRegions()
        DemoFleet.add(to: &builder)
        return builder.images
    }
}
