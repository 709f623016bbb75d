import ECSCore
import ECSValidation
import LuaBridge

extension ECSModule {
    /// Every image status, so that `ecs.image` finds an image whatever its state.
    static let allStatuses = ImageRules.imageStatuses.joined(separator: ",")
    /// Images per request of `ecs.images` unless `PageSize` is given (the API's maximum).
    static let iteratorPageSize: Int64 = 100

    /// `ecs.image(ImageId [, RegionId])` → the image table, or nil when it does not exist.
    static func image(context: ECSContext, level: Int32 = 1) -> LuaHostFunction {
        { call in
            let location = call.location(level: level)
            guard let id = try call.parameterString(at: 1, parameter: "ImageId", action: "DescribeImages", location: location) else {
                throw ECSLuaError.badArgument(position: 1, function: "image", expected: "string", got: call.typeName(at: 1), location: location)
            }
            if id.isEmpty {
                throw ECSLuaError(ParameterRules.emptyValue(parameter: "ImageId"), action: "DescribeImages", location: location)
            }
            // One image: a list would be looked up as one id and found missing (nil), though its images exist.
            if id.contains(",") {
                throw ECSLuaError(
                    code: "InvalidParameter",
                    message: "ecs.image takes one image id, got the list '\(KeyDisplay.shown(id))'; for several, use "
                        + "ecs.describe_images{ ImageId = \"id1,id2\" }",
                    action: "DescribeImages", parameter: "ImageId", location: location)
            }
            var parameters: [String: ParameterValue] = ["ImageId": .string(id), "Status": .string(allStatuses)]
            if !call.isNil(at: 2) {
                guard let region = try call.parameterString(at: 2, parameter: "RegionId", action: "DescribeImages", location: location) else {
                    throw ECSLuaError.badArgument(position: 2, function: "image", expected: "string", got: call.typeName(at: 2), location: location)
                }
                parameters["RegionId"] = .string(region)
            }
            let client = context.client
            let flat = ParameterFlattener.flatten(parameters)
            let request = PendingRequest(action: "DescribeImages", location: location, work: {
                do {
                    return ResponsePayload(text: try await client.sendReturningBody(action: "DescribeImages", parameters: flat))
                } catch let error as ECSServiceError where error.code == "InvalidImageId.NotFound" {
                    return .emptyObject
                }
            }, finish: { co, payload in
                try ResponsePusher(seen: context.seenImageIds).pushImage(id, from: payload, on: co)
                return 1
            })
            return try context.perform(call, request)
        }
    }

    /// Metatable of the pager userdata that `ImagesScript` holds.
    static let pagerMetatable = "ecsh.images.pager"

    /// Defines `ecs.images{...}` (an iterator over every matching image, fetching a page only when the
    /// loop needs it) from `ImagesScript` and its Swift primitives.
    static func registerImages(in state: LuaState, context: ECSContext) throws {
        try defineScripted("images", source: ImagesScript.source, primitives: [
            ("not_method_call", methodCallCheck("images")),
            ("open", openImages(context: context)),
            ("exhausted", { c in
                c.push(try pager(c).exhausted)
                return .values(1)
            }),
            ("fetch", fetchImages(context: context)),
            ("busy", { c in
                throw ECSLuaError(
                    code: "InvalidParameter",
                    message: "this ecs.images iterator is already fetching its next page for another coroutine; "
                        + "iterate it in one place (collect the images first, then hand them to ecs.parallel)",
                    action: "DescribeImages", location: c.location(level: 2))
            }),
        ], in: state)
    }

    /// `prim.open(params)`: validates the filters at the loop's head (level 2: the user's call) and makes the pager.
    private static func openImages(context: ECSContext) -> LuaHostFunction {
        let schema = ActionSchemas.describeImages
        return { call in
            let location = call.location(level: 2)
            var parameters = try ParameterReader(call: call, schema: schema, location: location).read(at: 1)
            let pageSize: Int64
            if case .int(let n)? = parameters["PageSize"] { pageSize = n } else { pageSize = iteratorPageSize }
            var firstPage: Int64 = 1
            if case .int(let n)? = parameters["PageNumber"] { firstPage = n }
            parameters["PageNumber"] = nil
            parameters["PageSize"] = nil
            // Validate now, so a malformed filter fails at the loop's head, not at its first step.
            var check = ParameterFlattener.flatten(parameters)
            check["PageNumber"] = String(firstPage)
            check["PageSize"] = String(pageSize)
            if check["RegionId"] == nil { check["RegionId"] = context.configuration.region }
            if let error = RequestValidator.validate(action: schema.action, parameters: check) {
                throw ECSLuaError(error, action: schema.action, location: location)
            }
            call.push(object: ImagePager(parameters: parameters, pageSize: pageSize, firstPage: firstPage), metatable: pagerMetatable)
            return .values(1)
        }
    }

    /// `prim.fetch(pager)`: requests the next page and returns its images as a Lua array, pushed
    /// straight from the answer's text (level 3: the user's loop, past the iterator and its pcall).
    private static func fetchImages(context: ECSContext) -> LuaHostFunction {
        let schema = ActionSchemas.describeImages
        return { step in
            let pager = try pager(step)
            let request = context.request(
                action: schema.action, parameters: pager.nextRequestParameters, location: step.location(level: 3)
            ) { co, payload in
                try ResponsePusher(seen: context.seenImageIds).push(payload, on: co)
                let total = co.pushField(of: -1, "TotalCount") != 0 ? co.integer(at: -1) : nil
                co.pop()
                _ = co.pushField(of: -1, "Images")
                if !co.isTable(at: -1) {
                    co.pop()
                    co.pushTable()
                }
                co.remove(at: -2)
                pager.accept(count: co.rawLength(at: -1), total: total)
                return 1
            }
            return try context.perform(step, request)
        }
    }

    private static func pager(_ call: LuaCall) throws -> ImagePager {
        guard let pager = call.object(at: 1, metatable: pagerMetatable) as? ImagePager else {
            throw ECSLuaError.badArgument(
                position: 1, function: "images", expected: "pager", got: call.typeName(at: 1), location: call.location())
        }
        return pager
    }
}
