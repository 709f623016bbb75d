import Foundation

/// Maps a region to the ECS endpoint the official SDK uses, and vets endpoint overrides.
public struct EndpointResolver: Sendable {
    /// Regions whose public endpoint is not `ecs.<region>.aliyuncs.com`, from the official ECS SDK's endpoint map.
    public static let exceptions: [String: String] = [
        "cn-hangzhou": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shanghai-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shenzhen-finance-1": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-north-2-gov-1": "ecs.aliyuncs.com",
        "ap-northeast-2-pop": "ecs.aliyuncs.com",
        "cn-beijing-finance-pop": "ecs.aliyuncs.com",
        "cn-beijing-gov-1": "ecs.aliyuncs.com",
        "cn-beijing-nu16-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-edge-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
        "cn-fujian": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-haidian-cm12-c01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-bj-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-finance": "ecs.aliyuncs.com",
        "cn-hangzhou-internal-prod-1": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-internal-test-2": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-internal-test-3": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-test-306": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-hongkong-finance-pop": "ecs.aliyuncs.com",
        "cn-huhehaote-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
        "cn-shanghai-et15-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shanghai-et2-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shanghai-inner": "ecs.aliyuncs.com",
        "cn-shanghai-internal-test-1": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shenzhen-inner": "ecs.aliyuncs.com",
        "cn-shenzhen-st4-d01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shenzhen-su18-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-wuhan": "ecs.aliyuncs.com",
        "cn-yushanfang": "ecs.aliyuncs.com",
        "cn-zhangbei": "ecs.aliyuncs.com",
        "cn-zhangbei-na61-b01": "ecs-cn-hangzhou.aliyuncs.com",
        "cn-zhangjiakou-na62-a01": "ecs.cn-zhangjiakou.aliyuncs.com",
        "cn-zhengzhou-nebula-1": "ecs.cn-qingdao-nebula.aliyuncs.com",
        "eu-west-1-oxs": "ecs.cn-shenzhen-cloudstone.aliyuncs.com",
        "rus-west-1-pop": "ecs.aliyuncs.com",
    ]

    /// The ECS host for a region: the SDK map's exception, else `ecs.<region>.aliyuncs.com`; VPC: `ecs-vpc.<region>.aliyuncs.com`.
    public static func host(region: String, vpc: Bool) -> String {
        if vpc { return "ecs-vpc.\(region).aliyuncs.com" }
        return exceptions[region] ?? "ecs.\(region).aliyuncs.com"
    }

    /// The endpoint URL: the override (scheme optional, `https` assumed) or the region's host over https.
    ///
    /// `http://` is allowed only to loopback (127.0.0.0/8, ::1, localhost) unless `insecure`; otherwise `.insecure`.
    public static func url(region: String, override: String?, vpc: Bool, insecure: Bool) throws -> URL {
        if let override = override?.trimmingCharacters(in: .whitespaces), !override.isEmpty {
            return try overrideURL(override, insecure: insecure)
        }
        guard isValidRegion(region) else { throw EndpointError.invalidRegion(region) }
        guard let url = URL(string: "https://" + host(region: region, vpc: vpc)) else {
            throw EndpointError.invalidRegion(region)
        }
        return url
    }

    /// Whether `host` (a name or an IP literal, brackets allowed) is a loopback address.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        if name.hasPrefix("::ffff:") { name = String(name.dropFirst(7)) }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { octet -> Int? in
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), octet.allSatisfy(\.isNumber)
            else { return nil }
            return Int(octet).flatMap { $0 <= 255 ? $0 : nil }
        }
        return values.count == 4 && values[0] == 127
    }

    private static func isValidRegion(_ region: String) -> Bool {
        !region.isEmpty && region.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    private static func overrideURL(_ text: String, insecure: Bool) throws -> URL {
        let withScheme = text.contains("://") ? text : "https://" + text
        guard let components = URLComponents(string: withScheme), let url = components.url else {
            throw EndpointError.invalidURL(url: text, reason: "not a URL")
        }
        let scheme = components.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            throw EndpointError.invalidURL(url: text, reason: "scheme must be http or https")
        }
        guard let host = components.host, !host.isEmpty else {
            throw EndpointError.invalidURL(url: text, reason: "no host")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw EndpointError.invalidURL(url: text, reason: "port \(port) is not from 1 to 65535")
        }
        if components.user != nil || components.password != nil {
            throw EndpointError.invalidURL(url: text, reason: "credentials in the URL are not allowed")
        }
        // RPC requests go to "/": a path, query or fragment would be dropped without a word.
        if !(components.path.isEmpty || components.path == "/") || components.query != nil || components.fragment != nil {
            throw EndpointError.invalidURL(url: text, reason: "an ECS endpoint has no path, query or fragment (requests go to /)")
        }
        if scheme == "http" && !insecure && !isLoopback(host: host) {
            throw EndpointError.insecure(url: text)
        }
        return url
    }
}
