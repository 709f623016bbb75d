import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Converts between Hummingbird's request/response and the emulator's own types.
enum HTTPAdapter {
    /// Largest request body accepted.
    static let maxBodySize = 4 * 1024 * 1024

    /// Thrown after closing the channel, so that nothing is written.
    struct ConnectionDropped: Error {}

    /// The emulator's view of an HTTP request: lower-cased headers including `host`.
    static func request(from request: Request) async throws -> EmulatorRequest {
        var mutable = request
        let buffer = try await mutable.collectBody(upTo: maxBodySize)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0),\(field.value)" } ?? field.value
        }
        if headers["host"] == nil, let authority = request.head.authority { headers["host"] = authority }
        return EmulatorRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: headers, body: String(buffer: buffer))
    }

    /// The Hummingbird response for an emulator response.
    static func response(from response: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: response.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.bodyBytes)))
    }
}
