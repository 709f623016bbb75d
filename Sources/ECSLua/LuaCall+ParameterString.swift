import ECSValidation
import LuaBridge

extension LuaCall {
    /// The string at `index` for the ECS parameter `parameter` (its wire name, e.g. `Tag.1.Value`): nil when it
    /// is not a string; bytes that are not UTF-8 are refused with the parameter's own code (sending them would
    /// mean putting U+FFFD in their place), the error naming it as `shownAs` (e.g. `Tag[1].Value`) when given.
    func parameterString(at index: Int32, parameter: String, shownAs: String? = nil, action: String?, location: String?) throws -> String? {
        do {
            return try exactString(at: index)
        } catch let invalid as InvalidUTF8 {
            let refusal = ParameterRules.notUTF8(parameter: parameter, where: invalid.description)
            throw ECSLuaError(
                code: refusal.code, message: refusal.message, action: action, parameter: shownAs ?? parameter, location: location)
        }
    }
}
