import ECSValidation

/// Every help text of the `ecs` module: the action functions generated from `ActionSchemas` and
/// `ErrorCatalog`, the others described here.
public enum HelpCatalog {
    /// The entry for an action schema: parameters with types and rules, error codes with their messages.
    public static func doc(for schema: ActionSchema) -> FunctionDoc {
        var parameters: [(name: String, type: String, rule: String)] = []
        for field in schema.fields {
            let required = field.required && field.name != "RegionId" ? "required; " : ""
            parameters.append((field.name, field.type.displayName, required + field.rule))
            if case .structure(let inner) = field.type {
                for f in inner { parameters.append(("  \(field.name).\(f.name)", f.type.displayName, f.rule)) }
            }
        }
        let errors = schema.errorCodes.map { code -> (code: String, meaning: String) in
            let status = ErrorCatalog.entry(for: code).map { " (HTTP \($0.httpStatus))" } ?? ""
            return (code + status, ErrorCatalog.message(for: code) ?? "")
        } + [("InvalidParameter (local)", "unknown parameter (with the closest valid name) or a value of the wrong type")]
        return FunctionDoc(
            name: schema.function, usage: "ecs.\(schema.function){ ... }   -- \(schema.action)", summary: schema.summary,
            parameters: parameters, returns: schema.returns, errors: errors, example: schema.example)
    }

    private static let clientErrors: [(code: String, meaning: String)] = [
        ("Client.Transport", "the connection failed (retryable)"), ("Client.Timeout", "no answer within the timeout (retryable)"),
        ("Throttling.User (HTTP 400)", ErrorCatalog.message(for: "Throttling.User") ?? ""),
    ]

    /// The entries of the functions that are not one action.
    public static let others: [FunctionDoc] = [
        FunctionDoc(
            name: "image", usage: "ecs.image(ImageId [, RegionId])",
            summary: "Returns one image, whatever its status, or nil when it does not exist.",
            parameters: [("ImageId", "string", "required"), ("RegionId", "string", "defaults to the configured region")],
            returns: "the image table, or nil", errors: clientErrors, example: #"local img = ecs.image("m-bp1...")"#),
        FunctionDoc(
            name: "images", usage: "ecs.images{ ... }   -- DescribeImages, every page",
            summary: "Iterates over every matching image, fetching the next page only when the loop needs it. Takes the parameters of describe_images (PageSize defaults to 100).",
            parameters: [("(as describe_images)", "", "see help(ecs.describe_images)")],
            returns: "an iterator for a generic for", errors: clientErrors,
            example: #"for img in ecs.images{ Status = "Available" } do print(img.ImageId, img.ImageName) end"#),
        FunctionDoc(
            name: "call", usage: "ecs.call(Action [, params])",
            summary: "Sends any ECS RPC action with the parameters as given (nested tables flattened: Tag = {{Key=..}} -> Tag.1.Key), without local validation; RegionId defaults to the configured region.",
            parameters: [("Action", "string", "the API action name"), ("params", "table", "any parameters")],
            returns: "the raw response table (wire wrappers such as Images.Image kept)", errors: clientErrors,
            example: #"ecs.call("DescribeImages", { ImageOwnerAlias = "self", PageSize = 5 })"#),
        FunctionDoc(
            name: "wait_image", usage: "ecs.wait_image{ ImageId = ..., Status = ... | condition = function(img) ... end }",
            summary: "Polls the image until its Status is one of Status (comma-separated) or condition(img) is true; the pause grows from interval to max_interval. Ctrl-C interrupts it.",
            parameters: [
                ("ImageId", "string", "required"), ("RegionId", "string", "defaults to the configured region"),
                ("Status", "string", "e.g. Available or Available,Deprecated"), ("condition", "function", "called with the image table"),
                ("timeout", "number", "seconds, default 600"), ("interval", "number", "first pause in seconds, default 2"),
                ("max_interval", "number", "longest pause, default max(interval, 30)"),
            ],
            returns: "the image once the condition holds",
            errors: [
                ("Client.WaitTimeout", "the condition did not hold in time; the message shows the last observed state"),
                ("InvalidImageId.NotFound", "the image was deleted while waiting, or never showed (within the timeout, or a minute)"),
                ("InvalidParameter", "a missing, unknown or mistyped key"),
            ] + clientErrors,
            example: #"ecs.wait_image{ ImageId = id, Status = "Available", timeout = 300 }"#),
        FunctionDoc(
            name: "parallel", usage: "ecs.parallel(items, fn [, { concurrency = N }])",
            summary: "Runs fn(item) for every item in coroutines, at most N at a time (default 8); ECS calls inside yield while their request is in flight. One failure never stops the others. On a terminal a progress line shows on stderr.",
            parameters: [("items", "table", "an array"), ("fn", "function", "called with one item"), ("concurrency", "integer", "1-1000, default 8")],
            returns: "{ {ok=true, value=...} or {ok=false, err=...}, ... } in item order",
            example: #"local r = ecs.parallel(ids, function(id) return ecs.modify_image_attribute{ ImageId = id, Status = "Deprecated" } end, { concurrency = 16 })"#),
        FunctionDoc(
            name: "validate", usage: "ecs.validate.<rule>(value) / ecs.validate.modify_image_attribute(params)",
            summary: "Checks a value locally with the rule the server applies: image_name, image_family, description, boot_mode, license_type, status, imds_support, nvme_support.",
            returns: "true, or false and the error object the server would give",
            errors: ["InvalidImageName.Malformed", "InvalidImageFamily.Malformed", "InvalidDescription.Malformed", "InvalidBootMode.NotSupport", "InvalidLicenseType.NotSupported", "InvalidParameter", "InvalidParameter.FeaturesImdsSupport"].map { ($0, ErrorCatalog.message(for: $0) ?? "") },
            example: #"local ok, err = ecs.validate.image_name("1bad")"#),
        FunctionDoc(
            name: "config", usage: "ecs.config{ ... } / ecs.config()",
            summary: "Sets and/or returns the effective client settings. The access key secret is never shown.",
            parameters: [
                ("region", "string", "e.g. cn-hangzhou"), ("profile", "string", "a profile of ~/.aliyun/config.json or credentials.ini"),
                ("endpoint", "string|false", "an http(s) URL; false returns to the regional endpoint"),
                ("retries", "integer", "retries after the first attempt"), ("timeout", "number", "seconds per request"),
                ("rate", "string", "\"N/S\" (e.g. \"1000/60\") or \"off\""), ("signature", "string", "v3 or v1"),
                ("dry_run", "boolean", "print mutating requests instead of sending them"),
            ],
            returns: "{ region, profile, endpoint, retries, timeout, rate, signature, dry_run, credentials, access_key_id }",
            errors: [("InvalidParameter", "an unknown setting or a bad value"), ("Client.NoCredentials", "the profile has no usable key")],
            example: #"ecs.config{ region = "cn-shanghai", rate = "100/6" }"#),
        FunctionDoc(
            name: "table", usage: "ecs.table(rows [, columns [, { max_width = 48 }]])",
            summary: "Prints rows as an aligned text table (CJK characters count as two columns; long cells end with …). Without columns, the rows' scalar keys are used, sorted.",
            parameters: [("rows", "table", "an array of tables"), ("columns", "table", "column names, in order"), ("max_width", "integer", "widest cell, default 48")],
            returns: "the number of rows printed",
            example: #"ecs.table(ecs.describe_images{}.Images, { "ImageId", "ImageName", "Status" })"#),
        FunctionDoc(
            name: "help", usage: "help() / help(fn) / help \"name\"",
            summary: "Prints the list of functions, or the parameters, rules, error codes and an example of one.",
            returns: "nothing", example: "help(ecs.modify_image_attribute)"),
    ]

    /// The entry of the `json` module (not an `ecs` function: `overview` lists it apart).
    public static let json = FunctionDoc(
        name: "json", usage: "json.encode(value [, { indent = N, sort_keys = true }]) / json.decode(text)",
        summary: "Converts between JSON text and Lua values. JSON null decodes to json.null (encoded back as null); "
            + "json.array(t) marks a table to encode as an array even when empty (decoded arrays are marked).",
        parameters: [
            ("value", "any", "tables with keys 1..n encode as arrays, others as objects; no cycles"),
            ("indent", "integer", "spaces per level; 0 (the default) writes one line"),
            ("sort_keys", "boolean", "object keys sorted (default true)"), ("text", "string", "strict RFC 8259 JSON"),
        ],
        returns: "encode: the JSON text; decode: the Lua value",
        example: #"print(json.encode(ecs.describe_images{ PageSize = 1 }, { indent = 2 }))"#)

    /// The entry of an `ecs` function by name (`modify_image_attribute` or `ecs.modify_image_attribute`),
    /// or of the `json` module (`json`, `json.encode`, ...).
    public static func doc(named name: String) -> FunctionDoc? {
        if name == "json" || name.hasPrefix("json.") { return json }
        var key = name.hasPrefix("ecs.") ? String(name.dropFirst(4)) : name
        if key.hasPrefix("validate.") { key = "validate" }
        if let schema = ActionSchemas.all.first(where: { $0.function == key }) { return doc(for: schema) }
        return others.first { $0.name == key }
    }

    /// `help()`: every function with its summary.
    public static var overview: String {
        var lines = ["ecs — Alibaba Cloud ECS images from Lua. help(fn) or help \"name\" shows one function.", ""]
        let entries = ActionSchemas.all.map { doc(for: $0) } + others
        let width = entries.map { $0.name.count }.max() ?? 0
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let first = entry.summary.split(separator: ".").first.map(String.init) ?? entry.summary
            let label = entry.name == "help" ? "help" : "ecs." + entry.name
            lines.append("  " + label.padding(toLength: width + 4, withPad: " ", startingAt: 0) + "  " + first)
        }
        lines.append("  json.encode / json.decode  JSON text <-> Lua values")
        lines.append("")
        lines.append("Errors are tables: err.code, err.message, err.http_status, err.request_id, err.retryable, ...; tostring(err) reads them.")
        return lines.joined(separator: "\n") + "\n"
    }
}
