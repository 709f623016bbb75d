import LuaBridge

extension ECSLuaError: LuaErrorConvertible {
    /// Registry name of the error objects' shared metatable.
    static let metatableName = "ecs.error"

    /// Pushes the error as a table with the metatable `ecs.error` (`__tostring`, `__name`).
    public func pushLuaError(_ call: LuaCall) {
        call.pushTable(fields: 12)
        call.push(code); call.setField(of: -2, "code")
        call.push(message); call.setField(of: -2, "message")
        if let httpStatus { call.push(httpStatus); call.setField(of: -2, "http_status") }
        if let requestId { call.push(requestId); call.setField(of: -2, "request_id") }
        if let hostId { call.push(hostId); call.setField(of: -2, "host_id") }
        if let recommend { call.push(recommend); call.setField(of: -2, "recommend") }
        if let action { call.push(action); call.setField(of: -2, "action") }
        call.push(retryable); call.setField(of: -2, "retryable")
        if let parameter { call.push(parameter); call.setField(of: -2, "parameter") }
        if let location { call.push(location); call.setField(of: -2, "where") }
        ECSLuaError.pushMetatable(call)
        call.setMetatable(of: -2)
    }

    /// Pushes the shared metatable, creating it on first use.
    static func pushMetatable(_ call: LuaCall) {
        guard call.pushNamedMetatable(metatableName) else { return }
        call.pushFunction(toString)
        call.setField(of: -2, "__tostring")
        call.push("ecs.error")
        call.setField(of: -2, "__name")
    }

    /// `__tostring`: reads the fields back, so a script that edits `err.message` sees its edit.
    static func toString(_ call: LuaCall) throws -> LuaCallResult {
        guard call.isTable(at: 1) else { call.push("ecs.error"); return .values(1) }
        func text(_ key: String) -> String? {
            call.pushField(of: 1, key)
            defer { call.pop() }
            return call.string(at: -1)
        }
        call.pushField(of: 1, "http_status")
        let status = call.integer(at: -1).map { Int($0) }
        call.pop()
        call.push(render(
            code: text("code") ?? "Error", message: text("message") ?? "", httpStatus: status,
            requestId: text("request_id")))
        return .values(1)
    }

    /// The error object at `index` read back into Swift (nil when it is not one).
    static func read(_ call: LuaCall, at position: Int32) -> ECSLuaError? {
        let index = position < 0 ? call.top + position + 1 : position
        guard call.isTable(at: index) else { return nil }
        func text(_ key: String) -> String? {
            call.pushField(of: index, key)
            defer { call.pop() }
            return call.string(at: -1)
        }
        guard let code = text("code"), let message = text("message") else { return nil }
        call.pushField(of: index, "http_status")
        let status = call.integer(at: -1).map { Int($0) }
        call.pop()
        call.pushField(of: index, "retryable")
        let retryable = call.boolean(at: -1) ?? false
        call.pop()
        return ECSLuaError(
            code: code, message: message, httpStatus: status, requestId: text("request_id"), hostId: text("host_id"),
            recommend: text("recommend"), action: text("action"), retryable: retryable, parameter: text("parameter"),
            location: text("where"))
    }
}
