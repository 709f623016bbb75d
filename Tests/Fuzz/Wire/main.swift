// libFuzzer target: what the client and the emulator parse off the wire.
//
// The input is used whole (and split at its first newline into a status line and a body) by
// WireQuery.parse, PercentEncoding.decode, ACS3Signer.parseAuthorization / canonicalHeaders,
// JSONValue.parse and ECSServiceError.parse. Besides no crash and no hang, JSONValue.parse must
// agree with Foundation's JSONDecoder, and each parser must agree
// with its own writer: parse(make(parse(x))) == parse(x), decode(encode(s)) == s, an
// Authorization header rebuilt from its parts parses to the same parts, a parsed JSON value
// survives `jsonText`, and an error answer always has a code and the status it came with.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n"))
    let statusLine = String(decoding: bytes[..<(newline ?? 0)], as: UTF8.self)
    let body = Data(bytes[(newline.map { $0 + 1 } ?? 0)...])

    checkWireQuery(text)
    checkPercentEncoding(text)
    checkAuthorization(text)
    checkAuthorization(ACS3Signer.algorithm + " " + text)
    _ = ACS3Signer.canonicalHeaders(FuzzInput.dictionary(FuzzInput.pairs(FuzzInput.lines(bytes))))
    checkJSON(body)
    checkServiceError(statusLine: statusLine, body: body, firstByte: bytes.first ?? 0)
    return 0
}

func checkWireQuery(_ text: String) {
    let parsed = WireQuery.parse(text)
    _ = CanonicalQuery.make(parsed)
    let again = WireQuery.parse(WireQuery.make(parsed))
    guard again == parsed else { fuzzFail("WireQuery round trip: \(parsed) became \(again)") }
}

func checkPercentEncoding(_ text: String) {
    guard PercentEncoding.decode(PercentEncoding.encode(text), plusIsSpace: false) == text,
        PercentEncoding.decode(PercentEncoding.formEncode(text), plusIsSpace: true) == text
    else { fuzzFail("PercentEncoding round trip of \(text.debugDescription)") }
    for plus in [false, true] {
        if let decoded = PercentEncoding.decode(text, plusIsSpace: plus) {
            guard PercentEncoding.decode(PercentEncoding.encode(decoded), plusIsSpace: false) == decoded else {
                fuzzFail("PercentEncoding re-encode of \(decoded.debugDescription)")
            }
        }
    }
}

func checkAuthorization(_ header: String) {
    guard let parts = ACS3Signer.parseAuthorization(header) else { return }
    guard !parts.accessKeyId.isEmpty, !parts.signature.isEmpty, !parts.signedHeaders.isEmpty,
        !parts.signedHeaders.contains(where: \.isEmpty)
    else { fuzzFail("parseAuthorization accepted empty parts: \(header.debugDescription)") }
    let rebuilt = ACS3Signer.authorization(
        accessKeyId: parts.accessKeyId, signedHeaders: parts.signedHeaders.joined(separator: ";"),
        signature: parts.signature)
    guard let again = ACS3Signer.parseAuthorization(rebuilt), again.accessKeyId == parts.accessKeyId,
        again.signedHeaders == parts.signedHeaders, again.signature == parts.signature
    else { fuzzFail("Authorization round trip: \(header.debugDescription) rebuilt as \(rebuilt.debugDescription)") }
}

func checkJSON(_ body: Data) {
    // JSONValue.parse (JSONReader) against Foundation's JSONDecoder: the same values wherever the reader
    // accepts; where only the decoder accepts, the text must be one of its leniencies: a trailing comma,
    // a raw control character in a string, a byte-order mark, another encoding than UTF-8 (it
    // guesses UTF-16 and UTF-32 from NUL bytes), or an invalid escape in a string the decoder never
    // decodes (it checks escapes lazily: the value of a repeated key is skipped unchecked).
    let reference = try? JSONDecoder().decode(JSONValue.self, from: body)
    let value: JSONValue
    do {
        value = try JSONReader.parse(body)
    } catch {
        let reason = (error as? JSONParseError)?.reason
        let controlCharacter = reason == "unescaped control character in a string"
        let badEscape = (reason == "invalid escape" || reason == "invalid \\u escape") && hasInvalidEscape(body)
        if reference != nil && !controlCharacter && !badEscape && !isDecoderLeniency(body) {
            fuzzFail("JSONReader refuses what JSONDecoder reads: \(error)")
        }
        return
    }
    guard let reference, reference == value else {
        fuzzFail("JSONReader read \(value), JSONDecoder \(reference.map(\.jsonText) ?? "an error")")
    }
    let text = value.jsonText
    guard let again = try? JSONValue.parse(text) else { fuzzFail("jsonText is not JSON: \(text)") }
    guard sameJSON(again, value) else { fuzzFail("JSON round trip: \(value) became \(again)") }
}

/// Whether the text is not UTF-8 JSON, starts with a BOM, or has a `,` followed (past whitespace) by `]` or `}`.
func isDecoderLeniency(_ body: Data) -> Bool {
    let bytes = Array(body)
    if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil || bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        return true
    }
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") {
        var next = index + 1
        while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "]") || bytes[next] == UInt8(ascii: "}") { return true }
    }
    return false
}

/// Whether a backslash escape in the text is not one of JSON's (`\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t`, `\u` and four
/// hex digits), read lexically: an odd run of backslashes escapes the byte after it.
func hasInvalidEscape(_ body: Data) -> Bool {
    let bytes = Array(body)
    let simple = Set("\"\\/bfnrt".utf8)
    var index = 0
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "\\") else {
            index += 1
            continue
        }
        var run = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "\\") {
            run += 1
            index += 1
        }
        guard run % 2 == 1 else { continue }
        guard index < bytes.count else { return true }
        if bytes[index] == UInt8(ascii: "u") {
            let digits = bytes[(index + 1)..<min(index + 5, bytes.count)]
            let hex = Set("0123456789abcdefABCDEF".utf8)
            if digits.count < 4 || !digits.allSatisfy(hex.contains) { return true }
        } else if !simple.contains(bytes[index]) {
            return true
        }
    }
    return false
}

/// Equality where `.int(2)` and `.double(2.0)` agree: JSON has one number type, and JSONValue.parse
/// makes `.int` of any integral number that fits, `2.0` and `1e2` included.
func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(exactly: x) == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
    case (.object(let x), .object(let y)):
        return x.count == y.count && x.allSatisfy { key, value in y[key].map { sameJSON(value, $0) } ?? false }
    default: return a == b
    }
}

func checkServiceError(statusLine: String, body: Data, firstByte: UInt8) {
    let statuses = [200, 400, 403, 404, 409, 429, 500, 502, 503, 504]
    let status = Int(statusLine) ?? statuses[Int(firstByte) % statuses.count]
    let headers = [(name: "X-Acs-Retry-After", value: statusLine), (name: "x-acs-request-id", value: "fuzz")]
    let error = ECSServiceError.parse(status: status, body: body, action: "DescribeImages", headers: headers)
    guard !error.code.isEmpty, error.httpStatus == status, !error.message.isEmpty else {
        fuzzFail("ECSServiceError without a code, status or message: \(error)")
    }
    _ = error.description
    _ = error.retryable
}
