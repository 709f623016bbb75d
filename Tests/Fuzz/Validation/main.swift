// libFuzzer target: arbitrary parameter dictionaries through RequestValidator.validate, every action.
//
// Properties checked: no crash (ASan), no hang (libFuzzer -timeout), and a verdict that is the
// same on a second run and for the same parameters stored in a dictionary of another capacity
// (hence another iteration order): "the first error reported never depends on dictionary order".
// Input: `name=value` lines (see Tests/Fuzz/Common/FuzzInput.swift).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pairs = FuzzInput.pairs(FuzzInput.lines(UnsafeBufferPointer(start: data, count: size)))
    let parameters = FuzzInput.dictionary(pairs)
    // Same contents, different bucket count, so a different iteration order.
    var reordered = [String: String](minimumCapacity: 4 * parameters.count + 64)
    for (name, value) in parameters { reordered[name] = value }
    for action in RequestValidator.actions + ["", "UnknownAction"] {
        let first = RequestValidator.validate(action: action, parameters: parameters)
        let second = RequestValidator.validate(action: action, parameters: parameters)
        guard first == second else { fuzzFail("\(action): \(String(describing: first)) then \(String(describing: second))") }
        let other = RequestValidator.validate(action: action, parameters: reordered)
        guard first == other else {
            fuzzFail("\(action) depends on dictionary order: \(String(describing: first)) vs \(String(describing: other))")
        }
        if let first {
            // Every verdict must be a complete, catalogued error.
            guard !first.code.isEmpty, !first.parameter.isEmpty, !first.message.isEmpty, (400...599).contains(first.httpStatus)
            else { fuzzFail("\(action): incomplete error \(first)") }
        }
    }
    return 0
}
