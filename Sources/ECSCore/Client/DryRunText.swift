import Foundation

/// Renders a signed request as the text `--dry-run` prints: request line, headers, body; secrets redacted.
public enum DryRunText {
    /// `POST https://host/?query` then one `name: value` line per header, then the body if any.
    public static func render(_ request: HTTPRequestData, redactor: SecretRedactor) -> String {
        var url = request.url.absoluteString
        if let mark = url.firstIndex(of: "?") {
            let query = String(url[url.index(after: mark)...])
            url = String(url[...mark]) + redactor.redactQuery(query)
        }
        var lines = ["\(request.method) \(redactor.redact(url))"]
        for header in request.headers {
            lines.append("\(header.name): \(redactor.redactHeader(name: header.name, value: header.value))")
        }
        if !request.body.isEmpty {
            lines.append("")
            lines.append(redactor.redactQuery(String(decoding: request.body, as: UTF8.self)))
        }
        return lines.joined(separator: "\n")
    }
}
