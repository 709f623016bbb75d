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
            guard let id = call.string(at: 1) else {
                throw ECSLuaError.badArgument(position: 1, function: "image", expected: "string", got: call.typeName(at: 1), location: location)
            }
            var parameters: [String: ParameterValue] = ["ImageId": .string(id), "Status": .string(allStatuses)]
            if !call.isNil(at: 2) {
                guard let region = call.string(at: 2) else {
                    throw ECSLuaError.badArgument(position: 2, function: "image", expected: "string", got: call.typeName(at: 2), location: location)
                }
                parameters["RegionId"] = .string(region)
            }
            let client = context.client
            let flat = ParameterFlattener.flatten(parameters)
            let request = PendingRequest(action: "DescribeImages", location: location, work: {
                do {
                    return .value(try await client.send(action: "DescribeImages", parameters: flat))
                } catch let error as ECSServiceError where error.code == "InvalidImageId.NotFound" {
                    return .value(.object([:]))
                }
            }, finish: { co, payload in
                let match = try payload.json()["Images"]?.list("Image").first { $0["ImageId"]?.stringValue == id }
                if let match { try ResponsePusher(seen: context.seenImageIds).push(match, on: co) } else { co.pushNil() }
                return 1
            })
            return try context.perform(call, request)
        }
    }

    /// `ecs.images{...}` → an iterator over every matching image, fetching a page only when the loop needs it.
    static func images(context: ECSContext) -> LuaHostFunction {
        let schema = ActionSchemas.describeImages
        return { call in
            let location = call.location()
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
            let pager = ImagePager(parameters: parameters, pageSize: pageSize, firstPage: firstPage)
            call.pushFunction { step in
                if let image = pager.next() {
                    try ResponsePusher(seen: context.seenImageIds).push(image, on: step)
                    return .values(1)
                }
                if pager.exhausted { step.pushNil(); return .values(1) }
                let request = context.request(
                    action: schema.action, parameters: pager.nextRequestParameters, location: step.location() ?? location
                ) { co, payload in
                    pager.accept(try payload.json())
                    if let image = pager.next() { try ResponsePusher(seen: context.seenImageIds).push(image, on: co) } else { co.pushNil() }
                    return 1
                }
                return try context.perform(step, request)
            }
            return .values(1)
        }
    }
}
