import ECSCore
import ECSValidation
import LuaBridge

extension ECSModule {
    /// The value rules behind `ecs.validate.<rule>(value)`, by Lua name.
    static let valueRules: [(name: String, parameter: String, rule: @Sendable (String) -> ValidationError?)] = [
        ("image_name", "ImageName", ImageRules.imageName), ("image_family", "ImageFamily", ImageRules.imageFamily),
        ("description", "Description", ImageRules.description), ("boot_mode", "BootMode", ImageRules.bootMode),
        ("license_type", "LicenseType", ImageRules.licenseType), ("status", "Status", ImageRules.modifyStatus),
        ("imds_support", "Features.ImdsSupport", ImageRules.imdsSupport),
        ("nvme_support", "Features.NvmeSupport", ImageRules.nvmeSupport),
    ]

    /// Adds `ecs.validate`: one function per rule plus `modify_image_attribute(params)`, each `true` or `false, err`.
    static func registerValidate(in state: LuaState, context: ECSContext) throws {
        let call = state.main
        call.pushGlobal("ecs")
        call.pushTable(fields: valueRules.count + 1)
        for (name, parameter, rule) in valueRules {
            call.pushFunction { c in
                let value: String?
                do { value = try c.parameterString(at: 1, parameter: parameter, action: nil, location: c.location()) } catch let error as ECSLuaError {
                    return verdict(c, error)
                }
                guard let value else {
                    // A verdict like any other (the contract: `true`, or `false, err`), not a raised error.
                    return verdict(c, ECSLuaError.badArgument(position: 1, function: name, expected: "string", got: c.typeName(at: 1), location: c.location()))
                }
                return verdict(c, rule(value).map { ECSLuaError($0, action: nil, location: c.location()) })
            }
            call.setField(of: -2, name)
        }
        call.pushFunction { c in
            let schema = ActionSchemas.modifyImageAttribute
            let location = c.location()
            do {
                var flat = ParameterFlattener.flatten(try ParameterReader(call: c, schema: schema, location: location).read(at: 1))
                if flat["RegionId"] == nil { flat["RegionId"] = context.configuration.region }
                return verdict(c, RequestValidator.validate(action: schema.action, parameters: flat).map {
                    ECSLuaError($0, action: schema.action, location: location)
                })
            } catch let error as ECSLuaError {
                return verdict(c, error)
            }
        }
        call.setField(of: -2, "modify_image_attribute")
        call.setField(of: -2, "validate")
        call.pop()
    }

    /// `true`, or `false, err`.
    private static func verdict(_ call: LuaCall, _ error: ECSLuaError?) -> LuaCallResult {
        guard let error else { call.push(true); return .values(1) }
        call.push(false)
        error.pushLuaError(call)
        return .values(2)
    }
}
